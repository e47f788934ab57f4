namespace LiveTemplate.Typed.Generators.Model;

/// <summary>A constant as data (the emitter writes it as a C# literal of the member's type).</summary>
/// <param name="Kind">What kind of constant it is.</param>
/// <param name="Text">Its invariant text: the string itself, the character, the number ("-1.5", "NaN", "-Infinity"), "true"/"false".</param>
internal sealed record ConstantModel(ConstantKind Kind, string Text)
{
    /// <summary>The default of the member's type (<c>default</c>): zero, false or null.</summary>
    public static ConstantModel Default { get; } = new(ConstantKind.Default, string.Empty);
}
