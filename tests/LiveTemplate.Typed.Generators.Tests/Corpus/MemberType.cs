namespace LiveTemplate.Typed.Generators.Tests.Corpus;

/// <summary>
/// A member type of the corpus: its C# spelling, sample values at its edges (C# expressions), a default value a
/// constructor parameter can have, and the declarations it needs beside the action (a nested record, an enum).
/// </summary>
/// <param name="Name">A short name for the case names.</param>
/// <param name="CSharp">The type as written in the declaration.</param>
/// <param name="Samples">Two or more values of the type, edges included.</param>
/// <param name="Default">A literal a parameter of the type can default to, or null when it has none but <c>default</c>.</param>
/// <param name="Kind">Whether its values are structs, references or nullable.</param>
/// <param name="Support">Declarations the type needs, placed in the case's namespace.</param>
internal sealed record MemberType(string Name, string CSharp, string[] Samples, string? Default, TypeShape Kind, string Support = "")
{
    /// <summary>The first sample, for cases that need one value only.</summary>
    public string Sample => Samples[0];

    /// <summary>Why System.Text.Json writes values of the type otherwise (docs/actions.md), or null when it writes them alike.</summary>
    public string? UnlikeStj { get; init; }
}

/// <summary>How a member type behaves with null.</summary>
internal enum TypeShape
{
    /// <summary>A struct: never null, has a default.</summary>
    Value,

    /// <summary>A non-nullable reference.</summary>
    Reference,

    /// <summary>A nullable reference or a <c>Nullable&lt;T&gt;</c>: null is a value.</summary>
    Nullable,
}
