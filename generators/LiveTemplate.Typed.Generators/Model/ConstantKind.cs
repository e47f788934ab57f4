namespace LiveTemplate.Typed.Generators.Model;

/// <summary>The kinds of <see cref="ConstantModel"/>.</summary>
internal enum ConstantKind
{
    Default,
    Boolean,
    String,
    Char,

    /// <summary>A number (of the member's numeric or enum type).</summary>
    Number,
}
