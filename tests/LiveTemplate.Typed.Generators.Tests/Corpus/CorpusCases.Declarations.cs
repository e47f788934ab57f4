namespace LiveTemplate.Typed.Generators.Tests.Corpus;

/// <summary>The ways an action itself is declared, and the declarations that must be refused.</summary>
internal static partial class CorpusCases
{
    private static IEnumerable<CorpusCase> DeclarationCases()
    {
        yield return CorpusCase.RoundTrip("a readonly record struct", Action("int Id, string? Note", keyword: "readonly partial record struct", attribute: "GroupAction(NAME)"), "A", "new A(1, \"n\")", "default(A)");
        yield return CorpusCase.RoundTrip("a record that is not sealed", Action("int Id", keyword: "partial record"), "A", "new A(1)");
        yield return CorpusCase.RoundTrip("a record without members", "[GroupAction(NAME)]\npublic sealed partial record A;", "A", "new A()")
            with { Reads = [("", "ok {}"), ("""{"x":[1,{"y":null}]}""", "ok {}")] };
        yield return CorpusCase.RoundTrip("a record with a body and no parameter list", "[GroupAction(NAME)]\npublic sealed partial record A\n{\n    public int Id { get; init; }\n    public required string Name { get; init; }\n}", "A", "new A { Id = 1, Name = \"n\" }");
        yield return CorpusCase.RoundTrip("a record whose positional property is redeclared", Action("int Id, string Name", "public string Name { get; init; } = Name.Trim();"), "A", "new A(1, \"n\")");
        yield return CorpusCase.RoundTrip("a record whose constructor validates", Action("int Percent", "public int Percent { get; } = Percent is >= 0 and <= 100 ? Percent : throw new ArgumentOutOfRangeException(nameof(Percent));"), "A", "new A(42)")
            with { Reads = [("""{"percent":420}""", "error : was refused by the action's own code (ArgumentOutOfRangeException: Specified argument was out of the range of valid values. (Parameter 'Percent'))")] };
        yield return CorpusCase.RoundTrip("an action derived from another action", Action("int Id", keyword: "partial record", attribute: "GroupAction(NAME)", name: "Base") + "\n" + Action("int Id, string By", attribute: "GroupAction(NAMEB)").Replace("(int Id, string By);", "(int Id, string By) : Base(Id);"), "A", "new A(1, \"b\")")
            with { UnlikeStj = "constructor parameters are written first, where System.Text.Json writes the derived type's properties before its base's" };
        yield return CorpusCase.RoundTrip("an action derived from a record with members", Action("int Id, string By").Replace("(int Id, string By);", "(int Id, string By) : Base(By);") + "\npublic abstract record Base(string By) { public int Extra { get; init; } }", "A", "new A(1, \"b\") { Extra = 3 }")
            with { Contains = ["\"extra\":3"] };
        yield return CorpusCase.RoundTrip("an action nested in a partial class", "public static partial class Outer\n{\n    " + Action("int Id").Replace("\n", "\n    ") + "\n}", "Outer.A", "new Outer.A(1)");
        yield return CorpusCase.RoundTrip("an action nested in a partial record struct and a generic-free class", "public partial class Outer\n{\n    public partial record struct Middle\n    {\n        " + Action("int Id").Replace("\n", "\n        ") + "\n    }\n}", "Outer.Middle.A", "new Outer.Middle.A(1)");
        yield return CorpusCase.RoundTrip("an internal action with internal nested types", Action("Part Part").Replace("public sealed", "internal sealed") + "\ninternal sealed record Part(int No) { internal int Hidden { get; init; } }", "A", "new A(new Part(1))");
        yield return CorpusCase.RoundTrip("an action with a handler", Action("int Id") + "\npublic sealed partial class Handler : IHandle<A>\n{\n    public ValueTask HandleAsync(A action, ActionContext context) => default;\n    public int DispatchAsync() => 0;\n}", "A", "new A(1)");
    }

    private static IEnumerable<CorpusCase> RefusedCases()
    {
        yield return CorpusCase.Refused("a generic action", "[ServerAction(NAME)]\npublic sealed partial record [|A|]<T>(T Value);", "A", "LTT1008");
        yield return CorpusCase.Refused("an action that is not partial", "[ServerAction(NAME)]\npublic sealed record [|A|](int Id);", "A", "LTT1001");
        yield return CorpusCase.Refused("an action that is a class", "[ServerAction(NAME)]\npublic sealed partial class [|A|] { public int Id { get; init; } }", "A", "LTT1002");
        yield return CorpusCase.Refused("an action with both scopes", "[ServerAction(NAME), GroupAction(NAME)]\npublic sealed partial record [|A|](int Id);", "A", "LTT1003");
        yield return CorpusCase.Refused("an action in a class that is not partial", "public static class Outer\n{\n    [ServerAction(NAME)]\n    public sealed partial record [|A|](int Id);\n}", "A", "LTT1007");
        yield return CorpusCase.Refused("a private action", "public partial class Outer\n{\n    [ServerAction(NAME)]\n    private sealed partial record [|A|](int Id);\n}", "A", "LTT1010");
        yield return CorpusCase.Refused("an action without a usable constructor", "[ServerAction(NAME)]\npublic sealed partial record [|A|]\n{\n    private A(int id) => Id = id;\n    public int Id { get; }\n}", "A", "LTT1009");
        yield return CorpusCase.Refused("an invalid action name", "[[|ServerAction(\"two words\")|]]\npublic sealed partial record A(int Id);", "A", "LTT1006");
        var unsupported = new[]
        {
            "object", "dynamic", "System.IO.Stream", "int[,]", "Dictionary<int, string>", "(int, string)", "IList<int>", "ICollection<int>", "HashSet<int>",
            "System.Collections.Immutable.ImmutableArray<int>", "Half", "Int128", "nint", "Uri", "Version", "System.Text.Json.JsonElement", "System.Text.Json.Nodes.JsonNode",
            "Func<int>", "Abstract", "IShape", "List<object>", "Dictionary<string, System.IO.Stream>",
        };
        foreach (var type in unsupported)
        {
            yield return CorpusCase.Refused($"a member of type {type}", Action($"int Id, {type} [|Value|]") + "\npublic abstract record Abstract(int X);\npublic interface IShape { }", "A", "LTT1005");
        }

        yield return CorpusCase.Refused("a nested type without a usable constructor", Action("Opaque [|Value|]") + "\npublic sealed class Opaque\n{\n    private Opaque() { }\n    public int X { get; }\n}", "A", "LTT1005");
        yield return CorpusCase.Refused("an unsupported type deep inside", Action("List<Dictionary<string, Part>> Parts") + "\npublic sealed record Part(object [|Payload|]);", "A", "LTT1005");
    }
}
