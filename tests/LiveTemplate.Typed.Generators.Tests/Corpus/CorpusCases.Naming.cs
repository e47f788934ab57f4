namespace LiveTemplate.Typed.Generators.Tests.Corpus;

/// <summary>Names a user may give members, types and namespaces that generated code also declares or uses.</summary>
internal static partial class CorpusCases
{
    private static IEnumerable<CorpusCase> NamingCases()
    {
        // Names of locals, parameters, helpers and constants of the generated code, keywords, and other scripts.
        var members = new[]
        {
            "@class", "@event", "@value", "reader", "writer", "error", "found", "found2", "defaults", "read", "items", "number", "_", "__",
            "ActionName", "ActionScope", "Write", "TryRead", "WriteA", "TryReadA", "AProperties", "Properties", "AJson",
            "JsonTokenType", "Utf8JsonReader", "ActionJsonReader", "ActionDataError", "JsonEncodedText", "global", "Größe", "名前", "_under", "x1",
        };
        foreach (var member in members)
        {
            var json = member.TrimStart('@') is var bare && bare.Length > 0 && char.IsUpper(bare[0]) ? char.ToLowerInvariant(bare[0]) + bare[1..] : bare;
            yield return CorpusCase.RoundTrip($"a member named {member}", Action($"int Id, string {member}, int? Other"), "A", $"new A(1, \"v\", 2)")
                with { Contains = [$"\"{json.Replace("ö", "\\u00F6").Replace("ß", "\\u00DF").Replace("名前", "\\u540D\\u524D")}\":\"v\""] };
            yield return CorpusCase.RoundTrip($"a member named {member} in a nested type", Action("Part Part") + $"\npublic sealed record Part(int {member}, List<int> More);", "A", "new A(new Part(3, [4]))");
        }

        yield return CorpusCase.RoundTrip("members named like the methods of object", Action("int Id", "public new int GetType { get; init; }\npublic new string MemberwiseClone { get; init; } = \"\";") + "\npublic sealed class Part { public new int GetHashCode { get; init; } public new int GetType { get; init; } }", "A", "new A(1) { GetType = 2, MemberwiseClone = \"m\" }");

        // Types named like the generated helpers and constants, beside the members those helpers are made for.
        yield return CorpusCase.RoundTrip("a nested type named like the helper of a list", Action("ListOfString Names, List<string> Other") + "\npublic sealed record ListOfString(string First);", "A", "new A(new ListOfString(\"a\"), [\"b\"])");
        yield return CorpusCase.RoundTrip("a nested type named like the helper of a nullable", Action("NullableInt32 Box, int? Other, NullableInt32? Third") + "\npublic sealed record NullableInt32(int Value);", "A", "new A(new NullableInt32(1), 2, null)");
        yield return CorpusCase.RoundTrip("nested types named like the action's helpers", Action("AProperties P, AJson J, WriteA W, TryReadA R") + "\npublic sealed record AProperties(int AProperties2);\npublic sealed record AJson(int X);\npublic sealed record WriteA(int X);\npublic sealed record TryReadA(int X);", "A", "new A(new AProperties(1), new AJson(2), new WriteA(3), new TryReadA(4))");
        yield return CorpusCase.RoundTrip("a nested type whose property is named like its helper class", Action("Part Part") + "\npublic sealed record Part(int PartProperties, int Value);", "A", "new A(new Part(1, 2))");
        yield return CorpusCase.RoundTrip("types named WriteFoo and FooProperties", Action("WriteFoo A1, FooProperties A2, Foo A3") + "\npublic sealed record WriteFoo(int X);\npublic sealed record FooProperties(int X);\npublic sealed record Foo(int X);", "A", "new A(new WriteFoo(1), new FooProperties(2), new Foo(3))");
        yield return CorpusCase.RoundTrip("types named like runtime helpers", Action("ActionJsonReader R, JsonTokenType T, Utf8JsonWriter W") + "\npublic sealed record ActionJsonReader(int X);\npublic sealed record JsonTokenType(int X);\npublic sealed record Utf8JsonWriter(int X);", "A", "new A(new ActionJsonReader(1), new JsonTokenType(2), new Utf8JsonWriter(3))");
        yield return CorpusCase.RoundTrip("two nested types with one name in two namespaces", Action("Part A1, Other.Part A2") + "\npublic sealed record Part(int X);\nnamespace Other { public sealed record Part(string Y); }", "A", "new A(new Part(1), new Other.Part(\"y\"))");
        yield return CorpusCase.RoundTrip("a generic nested type used twice", Action("Box<int> A1, Box<string> A2, Box<Box<int>> A3") + "\npublic sealed record Box<T>(T Value);", "A", "new A(new Box<int>(1), new Box<string>(\"s\"), new Box<Box<int>>(new Box<int>(2)))");
        yield return CorpusCase.RoundTrip("a lower-case action and nested type", Action("int Id, part Part", name: "move") + "\npublic sealed record part(int no);", "move", "new move(1, new part(2))");
        yield return CorpusCase.RoundTrip("an action named ActionName", Action("int Id", name: "ActionName"), "ActionName", "new ActionName(1)");
        yield return CorpusCase.RoundTrip("an action named ActionScope", Action("int Id", name: "ActionScope"), "ActionScope", "new ActionScope(1)");
        yield return CorpusCase.RoundTrip("an action named with a keyword", Action("int Id", name: "@event"), "@event", "new @event(1)");
        yield return CorpusCase.RoundTrip("an action with a nested type named ActionName", Action("int Id", "public sealed record ActionName(int X);\npublic ActionName? Inner { get; init; }"), "A", "new A(1) { Inner = new A.ActionName(2) }");
        yield return CorpusCase.RoundTrip("an action with a method named ActionScope", Action("int Id", "public static int ActionScope() => 1;"), "A", "new A(1)");
        yield return CorpusCase.RoundTrip("an action whose base record has a property named ActionName", Action("int Id, string ActionName", keyword: "sealed partial record", name: "A") .Replace("record A(int Id, string ActionName)", "record A(int Id, string ActionName) : Base(ActionName)") + "\npublic record Base(string ActionName);", "A", "new A(1, \"n\")");
        yield return CorpusCase.RoundTrip("a default action name", "[ServerAction]\npublic sealed partial record HTMLParserDoneNAMESUFFIX(int Step2Done);", "HTMLParserDoneNAMESUFFIX", "new HTMLParserDoneNAMESUFFIX(1)");
        yield return CorpusCase.RoundTrip("an action in a namespace named with a keyword", "namespace @event.@class\n{\n    " + Action("int Id").Replace("\n", "\n    ") + "\n}", "@event.@class.A", "new @event.@class.A(1)");
        yield return CorpusCase.RoundTrip("an action in the global namespace", "GLOBAL " + Action("int Id", name: "GlobalNAMESUFFIX"), "global::GlobalNAMESUFFIX", "new global::GlobalNAMESUFFIX(1)");
    }
}
