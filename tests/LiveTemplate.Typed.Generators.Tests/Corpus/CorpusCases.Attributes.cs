namespace LiveTemplate.Typed.Generators.Tests.Corpus;

/// <summary>The attributes of System.Text.Json, and ordinary attributes, on actions, members and the types they use.</summary>
internal static partial class CorpusCases
{
    private static IEnumerable<CorpusCase> AttributeCases()
        => [.. NameCases(), .. IgnoreCases(), .. RequiredCases(), .. IncludeAndConstructorCases(), .. EnumCases(), .. UnsupportedJsonCases(), .. OrdinaryAttributeCases()];

    private static IEnumerable<CorpusCase> NameCases()
    {
        foreach (var (name, written) in new[] { ("value_x", "value_x"), ("", ""), ("a b", "a b"), ("é", "\\u00E9"), ("\\\"q\\\"", "\\u0022q\\u0022"), ("ActionName", "ActionName"), ("<b>", "\\u003Cb\\u003E"), ("😀", "\\uD83D\\uDE00") })
        {
            yield return CorpusCase.RoundTrip($"[JsonPropertyName(\"{name}\")]", Action($"int Id, [property: JsonPropertyName(\"{name}\")] int Value"), "A", "new A(1, 2)")
                with { Contains = [$"\"{written}\":2"], Reads = [($$"""{"id":1,"{{name}}":5}""", $$"""ok {"id":1,"{{written}}":5}""")] };
        }

        yield return CorpusCase.Refused("[JsonPropertyName] that another member's name takes", Action("[property: JsonPropertyName(\"id\")] int Other, int [|Id|]"), "A", "LTT1011");
        yield return CorpusCase.Refused("two members whose camelCase names are one", Action("int ID, int [|Id|]"), "A", "LTT1011");
        yield return CorpusCase.Refused("[JsonPropertyName] on a property outside the constructor taking a positional one's name", Action("int Count", "[JsonPropertyName(\"count\")] public int [|Total|] { get; init; }"), "A", "LTT1011");
        yield return CorpusCase.Refused("[JsonPropertyName(null)]", Action("[property: [|JsonPropertyName(null!)|]] int Value"), "A", "LTT1015");
        yield return CorpusCase.Refused("[JsonPropertyName] with an unpaired surrogate", Action("[property: [|JsonPropertyName(\"\\uD800\")|]] int Value"), "A", "LTT1015");
        yield return CorpusCase.RoundTrip("[JsonPropertyOrder]", Action("int First, [property: JsonPropertyOrder(-1)] int Second, [property: JsonPropertyOrder(1)] int Third, int Fourth"), "A", "new A(1, 2, 3, 4)")
            with { Contains = ["""{"second":2,"first":1,"fourth":4,"third":3}"""] };
    }

    private static IEnumerable<CorpusCase> IgnoreCases()
    {
        const string Always = "[property: JsonIgnore]";
        yield return CorpusCase.RoundTrip("[JsonIgnore] on a parameter with a default", Action($"string User, {Always} string Password = \"\""), "A", "new A(\"ann\", \"hunter2\")")
            with { Lacks = ["hunter2", "password"], NotCompared = ["Password"], Reads = [("""{"user":"u","password":"p"}""", """ok {"user":"u"}""")] };
        yield return CorpusCase.RoundTrip("[JsonIgnore] on a parameter that accepts null", Action($"string User, {Always} string? Token"), "A", "new A(\"ann\", \"t0ken\")")
            with { Lacks = ["t0ken", "token"], NotCompared = ["Token"] };
        yield return CorpusCase.Refused("[JsonIgnore] on a parameter the constructor needs", Action("string User, [property: [|JsonIgnore|]] string Password"), "A", "LTT1012");
        yield return CorpusCase.Refused("[JsonIgnore] on a value parameter the constructor needs", Action("string User, [property: [|JsonIgnore|]] int Pin"), "A", "LTT1012");
        yield return CorpusCase.RoundTrip("[JsonIgnore] on an init property keeps its initializer", Action("int Id", "[JsonIgnore] public string Session { get; init; } = \"kept\";"), "A", "new A(1) { Session = \"s3cret\" }")
            with { Lacks = ["s3cret", "session"], NotCompared = ["Session"], Reads = [("""{"id":1,"session":"x"}""", """ok {"id":1}""")] };
        yield return CorpusCase.Refused("[JsonIgnore] on a required property", Action("int Id", "[[|JsonIgnore|]] public required string Session { get; init; }"), "A", "LTT1012");
        yield return CorpusCase.Refused("[JsonIgnore] with [JsonRequired]", Action("int Id", "[JsonRequired, [|JsonIgnore|]] public string? Session { get; init; }"), "A", "LTT1012");
        yield return CorpusCase.RoundTrip("[JsonIgnore(Condition = Never)]", Action("int Id, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Note"), "A", "new A(1, null)", "new A(1, \"n\")")
            with { Contains = ["\"note\":"] };

        foreach (var type in MemberTypes.All.Where(t => t.Kind == TypeShape.Nullable))
        {
            var with = type.Support.Length == 0 ? string.Empty : "\n" + type.Support;
            yield return CorpusCase.RoundTrip($"{type.Name}: [JsonIgnore(Condition = WhenWritingNull)]", Action($"int Id, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] {type.CSharp} Value") + with, "A", [.. type.Samples.Select(s => $"new A(1, {s})")]);
            yield return CorpusCase.RoundTrip($"{type.Name}: [JsonIgnore(Condition = WhenWritingNull)] on an init property", Action("int Id", $"[JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public {type.CSharp} Value {{ get; init; }}") + with, "A", "new A(1) { Value = null }")
                with { Lacks = ["value"] };
        }

        foreach (var type in MemberTypes.All.Where(t => !t.Name.Contains("[]") && !t.Name.Contains('<') && t.Name != "tree"))
        {
            var with = type.Support.Length == 0 ? string.Empty : "\n" + type.Support;
            yield return CorpusCase.RoundTrip($"{type.Name}: [JsonIgnore(Condition = WhenWritingDefault)]", Action($"int Id, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] {type.CSharp} Value") + with, "A", [.. type.Samples.Select(s => $"new A(1, {s})"), $"new A(1, default({type.CSharp})!)"])
                with { UnlikeStj = type.UnlikeStj };
        }

        yield return CorpusCase.RoundTrip("[JsonIgnore(Condition = WhenWritingDefault)] on a parameter with another default", Action("int Id, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Retries = 3"), "A", "new A(1, 0)")
            with { Lacks = ["retries"], Reads = [("""{"id":1}""", """ok {"id":1}""")] };
        yield return CorpusCase.Refused("[JsonIgnore(Condition = WhenWritingNull)] on a value type", Action("int Id, [property: [|JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)|]] int Value"), "A", "LTT1013");
        yield return CorpusCase.Refused("[JsonIgnore(Condition = WhenWritingDefault)] on a required member", Action("int Id", "[[|JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)|]] public required int Value { get; init; }"), "A", "LTT1012");
    }

    private static IEnumerable<CorpusCase> RequiredCases()
    {
        yield return CorpusCase.RoundTrip("[JsonRequired] on a parameter with a default", Action("int Id, [property: JsonRequired] int Version = 1"), "A", "new A(1, 2)")
            with { Reads = [("""{"id":1}""", "error version: is required but missing")] };
        yield return CorpusCase.RoundTrip("[JsonRequired] on a nullable init property", Action("int Id", "[JsonRequired] public string? Note { get; init; }"), "A", "new A(1) { Note = null }")
            with { Reads = [("""{"id":1}""", "error note: is required but missing"), ("""{"id":1,"note":null}""", """ok {"id":1,"note":null}""")] };
        yield return CorpusCase.RoundTrip("required nullable members, one set by a setter", Action("int Id", "public required string? Note { get; init; }\npublic required int? Count { get; set; }"), "A", "new A(1) { Note = \"n\", Count = null }")
            with { Reads = [("""{"id":1,"count":null}""", "error note: is required but missing"), ("""{"id":1,"note":null}""", "error count: is required but missing")] };
        yield return CorpusCase.RoundTrip("a nullable parameter the data leaves out", Action("int Id, string? Note, int? Count"), "A", "new A(1, null, null)")
            with { Reads = [("""{"id":1}""", """ok {"id":1,"note":null,"count":null}""")] };
        yield return CorpusCase.RoundTrip("a parameter that does not accept null, left out", Action("int Id, string Note"), "A", "new A(1, \"n\")")
            with { Reads = [("""{"id":1}""", "error note: is required but missing"), ("""{"id":1,"note":null}""", "error note: must be a string (found null)")] };
        yield return CorpusCase.RoundTrip("properties that keep their initializers when left out", Action("int Id", "public List<string> Tags { get; init; } = [\"t\"];\npublic string Motto { get; set; } = \"m\";\npublic Point Where { get; init; } = new(1, 2);") + "\n" + MemberTypes.Point, "A", "new A(1) { Tags = [], Motto = \"x\", Where = new(3, 4) }")
            with { Reads = [("""{"id":1}""", """ok {"id":1,"tags":["t"],"motto":"m","where":{"x":1,"y":2}}""")] };
        yield return CorpusCase.RoundTrip("a required member set by a [SetsRequiredMembers] constructor", "public sealed class Box\n{\n    public Box() { }\n    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]\n    public Box(int size) => Size = size;\n    public required int Size { get; init; }\n}\n" + Action("Box Box"), "A", "new A(new Box(2))");
        yield return CorpusCase.RoundTrip("more than 64 members, some required", Action(string.Join(", ", Enumerable.Range(0, 70).Select(i => $"int M{i}")), string.Join("\n", Enumerable.Range(0, 70).Select(i => $"public required int R{i} {{ get; init; }}"))), "A", $"new A({string.Join(", ", Enumerable.Range(0, 70))}) {{ {string.Join(", ", Enumerable.Range(0, 70).Select(i => $"R{i} = {i}"))} }}")
            with { Reads = [("{" + string.Join(",", Enumerable.Range(0, 70).Select(i => $"\"m{i}\":1")) + "," + string.Join(",", Enumerable.Range(0, 69).Select(i => $"\"r{i}\":1")) + "}", "error r69: is required but missing")] };
    }

    private static IEnumerable<CorpusCase> IncludeAndConstructorCases()
    {
        yield return CorpusCase.RoundTrip("[JsonInclude] on a computed property: written, not read", Action("int Id", "[JsonInclude] public int Twice => Id * 2;"), "A", "new A(21)")
            with { Contains = ["\"twice\":42"], Reads = [("""{"id":1,"twice":99}""", """ok {"id":1,"twice":2}""")] };
        yield return CorpusCase.RoundTrip("[JsonInclude] on fields", "public sealed class Vector\n{\n    [JsonInclude] public double X;\n    [JsonInclude] public double Y;\n    [JsonIgnore] public double Cache;\n    internal double Scratch;\n}\n" + Action("Vector By"), "A", "new A(new Vector { X = 1.5, Y = -2 })")
            with { NotCompared = ["Cache"] };
        yield return CorpusCase.RoundTrip("[JsonInclude] on a readonly field set by the constructor", "public sealed class Money\n{\n    public Money(decimal amount) => Amount = amount;\n    [JsonInclude] public readonly decimal Amount;\n}\n" + Action("Money Price"), "A", "new A(new Money(9.99m))");
        yield return CorpusCase.RoundTrip("[JsonInclude] on an internal property", Action("int Id", "[JsonInclude] internal string Secret { get; init; } = \"\";"), "A", "new A(1) { Secret = \"s\" }")
            with { Contains = ["\"secret\":\"s\""] };
        yield return CorpusCase.Refused("[JsonInclude] on a private property", Action("int Id", "[JsonInclude] private int [|Hidden|] { get; init; }"), "A", "LTT1013");
        yield return CorpusCase.Refused("[JsonInclude] on a property with a private setter", Action("int Id", "[JsonInclude] public int [|Count|] { get; private set; }"), "A", "LTT1013");
        yield return CorpusCase.Refused("a public field that would not be sent", "public sealed class Vector { public double [|X|]; }\n" + Action("Vector By"), "A", "LTT1016");
        yield return CorpusCase.RoundTrip("[JsonConstructor] picks a constructor", "public sealed class Pair\n{\n    [JsonConstructor] public Pair(int left) => Left = left;\n    public Pair(int left, int right) : this(left) => Right = right;\n    public int Left { get; }\n    public int Right { get; init; }\n}\n" + Action("Pair Pair"), "A", "new A(new Pair(1) { Right = 2 })");
        yield return CorpusCase.Refused("[JsonConstructor] on a private constructor of the action", Action("int Id", "[JsonConstructor] private A(int id, int extra) : this(id) { }").Replace("public sealed partial record A", "public sealed partial record [|A|]"), "A", "LTT1009");
        yield return CorpusCase.Refused("[JsonConstructor] on two constructors of a nested type", "public sealed class Pair\n{\n    [JsonConstructor] public Pair(int left) => Left = left;\n    [JsonConstructor] public Pair(int left, int right) : this(left) => Right = right;\n    public int Left { get; }\n    public int Right { get; }\n}\n" + Action("Pair [|Pair|]"), "A", "LTT1005");
        yield return CorpusCase.Refused("a constructor parameter whose type differs from its property", "public sealed class Tag\n{\n    public Tag(string id) => Id = Guid.Parse(id);\n    public Guid Id { get; }\n}\n" + Action("Tag [|Tag|]"), "A", "LTT1005");
        yield return CorpusCase.RoundTrip("a class with a parameterless constructor and settable members", "public sealed class Settings\n{\n    public int Level { get; set; } = 3;\n    public string Name { get; set; } = \"s\";\n    public Settings? Inner { get; set; }\n}\n" + Action("Settings Settings"), "A", "new A(new Settings { Level = 1, Inner = new Settings() })")
            with { Reads = [("""{"settings":{}}""", """ok {"settings":{"level":3,"name":"s","inner":null}}""")] };
    }
}
