namespace LiveTemplate.Typed.Generators.Tests.Corpus;

/// <summary>Ordinary attributes on actions, members and the types they use: the generated code must not warn for any.</summary>
internal static partial class CorpusCases
{
    private const string ExperimentalId = "CORPUS001";

    private static IEnumerable<CorpusCase> OrdinaryAttributeCases()
    {
        var onMembers = new[]
        {
            "Obsolete", "Obsolete(\"Use Other.\")", "Obsolete(\"Gone.\", error: true)", "Obsolete(\"Custom.\", DiagnosticId = \"CORPUS-OLD\")",
            "System.ComponentModel.Description(\"d\")", "System.ComponentModel.DisplayName(\"n\")", "System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)",
            "System.ComponentModel.DefaultValue(5)", "System.Diagnostics.DebuggerBrowsable(System.Diagnostics.DebuggerBrowsableState.Never)",
            "CLSCompliant(false)", "System.Diagnostics.CodeAnalysis.SuppressMessage(\"c\", \"id\")", "System.Diagnostics.CodeAnalysis.AllowNull",
        };
        foreach (var attribute in onMembers)
        {
            yield return CorpusCase.RoundTrip($"[{attribute}] on a positional member", Action($"int Id, [property: {attribute}] int Value"), "A", "new A(1, 2)");
            yield return CorpusCase.RoundTrip($"[{attribute}] on an init property", Action("int Id", $"[{attribute}] public int Value {{ get; init; }}"), "A", "new A(1) { Value = 2 }");
            yield return CorpusCase.RoundTrip($"[{attribute}] on a member of a nested type", Action("Part Part") + $"\npublic sealed record Part([property: {attribute}] int No);", "A", "new A(new Part(3))");
        }

        var onTypes = new[]
        {
            "Obsolete", "Obsolete(\"Use B.\")", "Obsolete(\"Gone.\", error: true)", "Obsolete(\"Custom.\", DiagnosticId = \"CORPUS-OLD\")",
            "Serializable", "System.Diagnostics.DebuggerDisplay(\"{Id}\")", "System.ComponentModel.Description(\"d\")", "CLSCompliant(false)",
        };
        foreach (var attribute in onTypes)
        {
            yield return CorpusCase.RoundTrip($"[{attribute}] on the action", $"[{attribute}]\n" + Action("int Id"), "A", "new A(1)");
            // An action that uses a type marked [Obsolete(error: true)] must be in an obsolete context itself to compile.
            var context = attribute.Contains("error: true", StringComparison.Ordinal) ? "[Obsolete]\n" : string.Empty;
            yield return CorpusCase.RoundTrip($"[{attribute}] on a nested type", context + Action("Part Part, Part? Other") + $"\n[{attribute}]\npublic sealed record Part(int No);", "A", "new A(new Part(1), null)");
            yield return CorpusCase.RoundTrip($"[{attribute}] on an enum", context + Action("Mood Mood") + $"\n[{attribute}]\npublic enum Mood {{ Calm }}", "A", "new A(Mood.Calm)");
            if (attribute != "Serializable")
            {
                yield return CorpusCase.RoundTrip($"[{attribute}] on an enum member", Action("Mood Mood") + $"\npublic enum Mood {{ [{attribute}] Old, New }}", "A", "new A(Mood.New)")
                    with { Reads = [("""{"mood":"Old"}""", """ok {"mood":"Old"}""")] };
            }

            yield return CorpusCase.RoundTrip($"[{attribute}] on the constructor of a nested type", Action("Part Part") + $"\npublic sealed class Part\n{{\n    [{attribute.Replace("Serializable", "Obsolete").Replace("DebuggerDisplay(\"{Id}\")", "DebuggerStepThrough")}]\n    public Part(int no) => No = no;\n    public int No {{ get; }}\n}}", "A", "new A(new Part(2))");
        }

        yield return CorpusCase.RoundTrip("[Experimental] on a member", Action($"int Id, [property: System.Diagnostics.CodeAnalysis.Experimental(\"{ExperimentalId}\")] int Value"), "A", "new A(1, 2)")
            with { Preamble = $"#pragma warning disable {ExperimentalId}" };
        yield return CorpusCase.RoundTrip("[Experimental] on a nested type and an enum member", Action("Part Part, Mood Mood") + $"\n[System.Diagnostics.CodeAnalysis.Experimental(\"{ExperimentalId}\")]\npublic sealed record Part(int No);\npublic enum Mood {{ [System.Diagnostics.CodeAnalysis.Experimental(\"CORPUS002\")] Calm }}", "A", "new A(new Part(1), Mood.Calm)")
            with { Preamble = $"#pragma warning disable {ExperimentalId}, CORPUS002" };
        yield return CorpusCase.RoundTrip("[Experimental] on the action", $"[System.Diagnostics.CodeAnalysis.Experimental(\"{ExperimentalId}\")]\n" + Action("int Id"), "A", "new A(1)")
            with { Preamble = $"#pragma warning disable {ExperimentalId}" };
        yield return CorpusCase.Refused("[RequiresUnreferencedCode] on a constructor generated code calls", Action("Part Part") + "\npublic sealed class Part\n{\n    [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode(\"r\")]\n    public [|Part|](int no) => No = no;\n    public int No { get; }\n}", "A", "LTT1014");
        yield return CorpusCase.Refused("[RequiresDynamicCode] on a getter generated code calls", Action("int Id", "public int Value { [System.Diagnostics.CodeAnalysis.RequiresDynamicCode(\"r\")] [|get|]; init; }"), "A", "LTT1014");
        yield return CorpusCase.RoundTrip("nullable attributes on members", Action("int Id", "[System.Diagnostics.CodeAnalysis.MaybeNull] public string Name { get; init; } = \"\";\n[System.Diagnostics.CodeAnalysis.DisallowNull] public string? Note { get; init; }\n[field: NonSerialized] public int Cached { get; init; }"), "A", "new A(1) { Name = \"n\", Note = \"o\", Cached = 4 }");
    }
}
