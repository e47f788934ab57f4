namespace LiveTemplate.Typed.Generators.Tests.Corpus;

/// <summary>
/// One declaration of the corpus and what must become of it. <see cref="Declarations"/> is C# placed in a namespace of
/// its own; the action is the type <see cref="Action"/>. A refused case marks the span its diagnostic must cover with
/// <c>[|</c> and <c>|]</c>; a case that is read back lists the values it is written with.
/// </summary>
/// <param name="Name">What the case is, for failure messages.</param>
/// <param name="Declarations">The action and the types it uses.</param>
/// <param name="Action">The action's type name in the case's namespace.</param>
/// <param name="Samples">C# expressions of the action that must round-trip exactly; empty for a refused case.</param>
/// <param name="Refusal">The id of the one diagnostic expected at the marked span, or null when none is.</param>
internal sealed record CorpusCase(string Name, string Declarations, string Action, string[] Samples, string? Refusal)
{
    /// <summary>Text the written JSON of every sample must contain.</summary>
    public string[] Contains { get; init; } = [];

    /// <summary>Text the written JSON of every sample must not contain (an ignored member's name or value).</summary>
    public string[] Lacks { get; init; } = [];

    /// <summary>JSON data to read and what must come of it: "ok {json written back}" or "error {path}: {reason}".</summary>
    public (string Json, string Outcome)[] Reads { get; init; } = [];

    /// <summary>Members whose value does not survive the round trip by design ([JsonIgnore]): left out of the comparison.</summary>
    public string[] NotCompared { get; init; } = [];

    /// <summary>
    /// Why the written JSON may differ from System.Text.Json's (camelCase, enums by name) in a way docs/actions.md
    /// states; null when every sample must be written exactly as System.Text.Json writes it.
    /// </summary>
    public string? UnlikeStj { get; init; }

    /// <summary>Extra lines for the top of the case's file (pragmas for the probe, which uses experimental members).</summary>
    public string Preamble { get; init; } = string.Empty;

    public static CorpusCase RoundTrip(string name, string declarations, string action, params string[] samples)
        => new(name, declarations, action, samples, null);

    public static CorpusCase Refused(string name, string declarations, string action, string id)
        => new(name, declarations, action, [], id);
}
