namespace LiveTemplate.Typed.Generators.Model;

/// <summary>One enum member.</summary>
/// <param name="Name">The member's C# name.</param>
/// <param name="JsonName">Its JSON text: <c>[JsonStringEnumMemberName]</c>, or its name.</param>
/// <param name="Value">Its constant value, as invariant text: aliases share a value and are written by the first name.</param>
internal sealed record EnumMemberModel(string Name, string JsonName, string Value);
