namespace LiveTemplate.Typed.Generators.Tests.Corpus;

/// <summary>Ordinary and slightly unusual shapes of actions and their members that must simply work.</summary>
internal static partial class CorpusCases
{
    private static IEnumerable<CorpusCase> ShapeCases()
    {
        yield return CorpusCase.RoundTrip("an action nested in a partial record", "public partial record Outer\n{\n    " + Action("int Id").Replace("\n", "\n    ") + "\n}", "Outer.A", "new Outer.A(1)");
        yield return CorpusCase.RoundTrip("an action nested in a partial interface", "public partial interface IOuter\n{\n    " + Action("int Id").Replace("\n", "\n    ") + "\n}", "IOuter.A", "new IOuter.A(1)");
        yield return CorpusCase.Refused("an action nested in a generic class", "public partial class Outer<T>\n{\n    " + Action("int Id").Replace("\n", "\n    ").Replace("record A(", "record [|A|](") + "\n}", "Outer<int>.A", "LTT1008");
        yield return CorpusCase.RoundTrip("a partial record in two parts, members in both", Action("int Id") + "\npublic sealed partial record A\n{\n    public string? Note { get; init; }\n}", "A", "new A(1) { Note = \"n\" }")
            with { Contains = ["{\"id\":1,\"note\":\"n\"}"] };
        yield return CorpusCase.RoundTrip("a partial record whose attribute is on its second part", "public sealed partial record A(int Id);\n[ServerAction(NAME)]\npublic sealed partial record A\n{\n    public int More { get; init; }\n}", "A", "new A(1) { More = 2 }")
            with { Contains = ["{\"id\":1,\"more\":2}"] };
        yield return CorpusCase.RoundTrip("a nominal record struct with init and required members", "[GroupAction(NAME)]\npublic partial record struct A\n{\n    public int Id { get; init; }\n    public required string Name { get; init; }\n}", "A", "new A { Id = 1, Name = \"n\" }")
            with { Reads = [("""{"id":1}""", "error name: is required but missing")] };
        yield return CorpusCase.RoundTrip(
            "nullable value types of every kind",
            Action("DateTime? At, DateTimeOffset? Off, decimal? Money, TimeSpan? Span, bool? Flag, double? D, char? C, DateOnly? Day, TimeOnly? T, long? L, byte? B, Guid? G"),
            "A",
            "new A(null, null, null, null, null, null, null, null, null, null, null, null)",
            "new A(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5)), 1.10m, TimeSpan.FromMilliseconds(-1), false, 0.1, 'x', new DateOnly(2026, 1, 2), new TimeOnly(3, 4), -1, 255, Guid.Empty)");
        yield return CorpusCase.RoundTrip(
            "arrays and collections of records, bytes and enums",
            Action("Point[] Points, int[][] Jagged, byte[]? Blob, List<byte[]> Blobs, Dictionary<string, byte[]> ByKey, IReadOnlyList<Point> Ps, IReadOnlyDictionary<string, IReadOnlyList<int>> Nested, Dictionary<string, string?> Maybe, Shade[] Shades, List<DateTime> Times, Point?[]? Holes") + "\n" + MemberTypes.Point + "\n" + MemberTypes.Shade,
            "A",
            "new A([new Point(1, 2)], [[1], [], [2, 3]], null, [[1, 2], []], new() { [\"b\"] = [9] }, [new Point(3, 4)], new Dictionary<string, IReadOnlyList<int>> { [\"n\"] = [5] }, new() { [\"x\"] = null, [\"y\"] = \"y\" }, [Shade.Dark, Shade.Light], [new DateTime(2026, 1, 2)], [null, new Point(5, 6)])",
            "new A([], [], [], [], new(), [], new Dictionary<string, IReadOnlyList<int>>(), new(), [], [], null)");
        yield return CorpusCase.RoundTrip("types nested in the action", Action("A.Kind K, A.Inner I, List<A.Inner> More", "public enum Kind { X, Y }\npublic sealed record Inner(Kind K);"), "A", "new A(A.Kind.Y, new A.Inner(A.Kind.X), [new A.Inner(A.Kind.Y)])")
            with { Contains = ["{\"k\":\"Y\",\"i\":{\"k\":\"X\"},\"more\":[{\"k\":\"Y\"}]}"] };
        yield return CorpusCase.RoundTrip("nested types with no members", Action("Empty E, Nothing N, Empty? Maybe") + "\npublic sealed record Empty;\npublic sealed class Nothing { }", "A", "new A(new Empty(), new Nothing(), null)")
            with { Contains = ["{\"e\":{},\"n\":{},\"maybe\":null}"] };
        yield return CorpusCase.RoundTrip("keyword names of nominal members", Action("int Id", "public string @event { get; init; } = \"\";\npublic int @default { get; init; }\npublic bool? @null { get; init; }"), "A", "new A(1) { @event = \"e\", @default = 2, @null = true }")
            with { Contains = ["{\"id\":1,\"event\":\"e\",\"default\":2,\"null\":true}"] };
        yield return CorpusCase.RoundTrip("[JsonPropertyName] with control characters and metadata-like names", Action("[property: JsonPropertyName(\"line\\nbreak\")] int A1, [property: JsonPropertyName(\"$type\")] int A2, [property: JsonPropertyName(\"\\\\\")] int A3, [property: JsonPropertyName(\"\\u2028\")] int A4, [property: JsonPropertyName(\"\\0\")] int A5"), "A", "new A(1, 2, 3, 4, 5)")
            with { Contains = ["{\"line\\nbreak\":1,\"$type\":2,\"\\\\\":3,\"\\u2028\":4,\"\\u0000\":5}"] };
        yield return CorpusCase.RoundTrip("an action with a member of its own type", Action("int Id, A? Parent"), "A", "new A(1, new A(2, null))");
        yield return CorpusCase.RoundTrip("static members, constants, an indexer and an event are not data", Action("int Id", "public static int Counter { get; set; }\npublic const int Max = 3;\npublic int this[int i] => i;\npublic event EventHandler? Changed;\nprivate void Raise() => Changed?.Invoke(this, EventArgs.Empty);"), "A", "new A(1)")
            with { Contains = ["{\"id\":1}"] };
        yield return CorpusCase.RoundTrip("a non-ASCII action with a default name", "[ServerAction]\npublic sealed partial record ÄnderungNAMESUFFIX(int Größe, string 名前);", "ÄnderungNAMESUFFIX", "new ÄnderungNAMESUFFIX(1, \"n\")");
        yield return CorpusCase.RoundTrip("an action derived from a record with required members", Action("int Id").Replace("(int Id);", "(int Id) : Base;") + "\npublic abstract record Base { public required string By { get; init; } }", "A", "new A(1) { By = \"b\" }")
            with { Reads = [("""{"id":1}""", "error by: is required but missing")] };
        yield return CorpusCase.RoundTrip("a record struct action with a nullable record struct member", Action("Size? S, Size T", keyword: "readonly partial record struct", attribute: "GroupAction(NAME)") + "\n" + MemberTypes.Size, "A", "new A(null, new Size(1, 2))", "new A(new Size(3, 4), default)");
        yield return CorpusCase.RoundTrip("an action with a twin whose name differs only in case, and twin handlers", Action("int Id") + "\n[ServerAction(NAMEB)]\npublic sealed partial record a(string Id);\npublic partial class H<T> : IHandle<A> { public ValueTask HandleAsync(A action, ActionContext context) => default; }\npublic partial class H_1 : IHandle<A>, IHandle<a> { public ValueTask HandleAsync(A action, ActionContext context) => default; public ValueTask HandleAsync(a action, ActionContext context) => default; }", "A", "new A(1)");
        yield return CorpusCase.RoundTrip("virtual, override and new properties in a record hierarchy", Action("int Id", "public override string Kind { get; init; } = \"a\";\npublic new int Count { get; init; }").Replace("(int Id)\n", "(int Id) : Base\n") + "\npublic abstract record Base { public abstract string Kind { get; init; } public virtual int Count { get; init; } public string? Note { get; init; } }", "A", "new A(1) { Kind = \"k\", Count = 2, Note = \"n\" }");
        yield return CorpusCase.RoundTrip("positional defaults of null, an enum and a negative number", Action("int Id, string? Note = null, Shade Shade = Shade.Light, int Delta = -1, double Ratio = 0.5, bool On = true") + "\n" + MemberTypes.Shade, "A", "new A(1)", "new A(2, \"n\", Shade.Dark, 5, -0.25, false)")
            with { Reads = [("""{"id":1}""", """ok {"id":1,"note":null,"shade":"Light","delta":-1,"ratio":0.5,"on":true}""")] };
        yield return CorpusCase.RoundTrip("nullable collections and dictionaries of nullables", Action("int[]? Ids, IReadOnlyList<string>? Names, Dictionary<string, int?> Counts, IReadOnlyDictionary<string, Point?>? Where, List<Guid?> Maybe") + "\n" + MemberTypes.Point, "A", "new A(null, null, new() { [\"a\"] = null, [\"b\"] = 2 }, null, [null, Guid.Empty])", "new A([1], [\"x\"], new(), new Dictionary<string, Point?> { [\"p\"] = null }, [])");
        yield return CorpusCase.RoundTrip("a member type nested in a generic type", Action("Box<int>.Inner I, Box<string>.Inner J") + "\npublic static class Box<T> { public sealed record Inner(T Value, int Extra); }", "A", "new A(new Box<int>.Inner(1, 2), new Box<string>.Inner(\"s\", 3))");
        yield return CorpusCase.RoundTrip("a required member of a record struct action", "[GroupAction(NAME)]\npublic partial record struct A(int Id)\n{\n    public required string Name { get; init; }\n}", "A", "new A(1) { Name = \"n\" }")
            with { Reads = [("""{"id":1}""", "error name: is required but missing")] };
        yield return CorpusCase.RoundTrip("an init property validated through a backing field", Action("int Id", "private readonly string _name = \"\";\npublic string Name { get => _name; init => _name = value.Length <= 3 ? value : throw new ArgumentException(\"too long\"); }"), "A", "new A(1) { Name = \"abc\" }")
            with { Reads = [("""{"id":1,"name":"abcd"}""", "error : was refused by the action's own code (ArgumentException: too long)")] };
        yield return CorpusCase.RoundTrip("types named like framework and package types", Action("String S, List L, Task T, LiveTemplate Lt, Generated Gen, System.Guid G, System.Collections.Generic.List<int> Ints, IAction Ia") + "\npublic sealed record String(int X);\npublic sealed record List(int X);\npublic sealed record Task(int X);\npublic sealed record LiveTemplate(int X);\npublic sealed record Generated(int X);\npublic sealed record IAction(int X);", "A", "new A(new String(1), new List(2), new Task(3), new LiveTemplate(4), new Generated(5), System.Guid.Empty, [6], new IAction(7))");
        yield return CorpusCase.RoundTrip("members named like namespaces and framework types", Action("int LiveTemplate, int System, string Guid, int Task, int Encoding, int ValueTask, int IAction, int Utf8JsonWriter"), "A", "new A(1, 2, \"g\", 3, 4, 5, 6, 7)");
        yield return CorpusCase.RoundTrip("whole seconds and minutes of times", Action("TimeOnly T, TimeSpan S, DateTime D, DateTimeOffset O"), "A", "new A(new TimeOnly(10, 15), TimeSpan.FromHours(1), new DateTime(2026, 1, 2, 3, 4, 5), new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero))");
    }
}
