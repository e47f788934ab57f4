namespace LiveTemplate.Typed.Presence;

/// <summary>
/// Declares a <c>partial record</c> as presence metadata (<c>BoardPresence(string Name, string Color, int? EditingCardId)</c>):
/// the source generator adds <see cref="IPresenceMetadata{TSelf}"/> with its JSON code, the same code actions get.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class PresenceMetadataAttribute : Attribute
{
}
