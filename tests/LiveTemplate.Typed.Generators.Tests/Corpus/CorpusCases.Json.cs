namespace LiveTemplate.Typed.Generators.Tests.Corpus;

/// <summary>Enum converters and names, and the System.Text.Json attributes a typed action refuses.</summary>
internal static partial class CorpusCases
{
    private static IEnumerable<CorpusCase> EnumCases()
    {
        var shade = MemberTypes.Shade;
        yield return CorpusCase.RoundTrip("an enum with [JsonStringEnumMemberName]", Action("Mood Mood") + "\npublic enum Mood { [JsonStringEnumMemberName(\"so-so\")] SoSo, Fine }", "A", "new A(Mood.SoSo)", "new A(Mood.Fine)", "new A((Mood)7)")
            with { Reads = [("""{"mood":"so-so"}""", """ok {"mood":"so-so"}"""), ("""{"mood":"SoSo"}""", "error mood: must be one of so-so, Fine"), ("""{"mood":1}""", """ok {"mood":"Fine"}""")] };
        yield return CorpusCase.RoundTrip("an enum with JsonNumberEnumConverter on the type", Action("Level Level, Level? Maybe") + "\n[JsonConverter(typeof(JsonNumberEnumConverter<Level>))]\npublic enum Level { Low = 1, High = 2 }", "A", "new A(Level.High, null)", "new A(Level.Low, Level.High)")
            with { UnlikeStj = "compared with JsonStringEnumConverter in the options, which System.Text.Json prefers to the type's converter", Contains = ["\"level\":"], Reads = [("""{"level":"High","maybe":null}""", "error level: must be a number (found a string)")] };
        yield return CorpusCase.RoundTrip("an enum by name and by number in one action", Action("[property: JsonConverter(typeof(JsonNumberEnumConverter<Shade>))] Shade ByNumber, Shade ByName, [property: JsonConverter(typeof(JsonStringEnumConverter<Shade>))] Shade? ByNameToo, [property: JsonConverter(typeof(JsonNumberEnumConverter<Shade>))] Shade? ByNumberToo") + "\n" + shade, "A", "new A(Shade.Dark, Shade.Dark, Shade.Light, Shade.Light)")
            with { Contains = ["""{"byNumber":-1,"byName":"Dark","byNameToo":"Light","byNumberToo":1}"""] };
        yield return CorpusCase.RoundTrip("JsonStringEnumConverter on an enum type", Action("Tone Tone") + "\n[JsonConverter(typeof(JsonStringEnumConverter))]\npublic enum Tone { Warm, Cold }", "A", "new A(Tone.Cold)")
            with { Contains = ["\"tone\":\"Cold\""] };
        yield return CorpusCase.RoundTrip("a combination of flags as System.Text.Json writes it", Action("Access Value, Access? Maybe, List<Rights> All") + "\n" + MemberTypes.Access + "\n[Flags] public enum Rights { [JsonStringEnumMemberName(\"may-read\")] Read = 1, Write = 2, Both = Read | Write }", "A", "new A(Access.Read | Access.Write, null, [Rights.Both, Rights.Read])")
            with
            {
                UnlikeStj = "a combination of flags is written as its number",
                Reads =
                [
                    ("""{"value":"Read, Write","all":[]}""", """ok {"value":3,"maybe":null,"all":[]}"""),
                    ("""{"value":"Write,Read","maybe":"None, Read","all":["may-read, Write","Write"]}""", """ok {"value":3,"maybe":"Read","all":["Both","Write"]}"""),
                    ("""{"value":"Read, Nope","all":[]}""", "error value: must be one of None, Read, Write"),
                    ("""{"value":"Read, ","all":[]}""", "error value: must be one of None, Read, Write"),
                    ("""{"value":"","all":[]}""", "error value: must be one of None, Read, Write"),
                    ("""{"value":1,"all":["Read"]}""", "error all[0]: must be one of may-read, Write, Both"),
                ],
            };
        yield return CorpusCase.RoundTrip("an enum of another assembly", Action("DayOfWeek Day, System.IO.FileAccess Access"), "A", "new A(DayOfWeek.Sunday, System.IO.FileAccess.ReadWrite)")
            with { Contains = ["\"day\":\"Sunday\"", "\"access\":\"ReadWrite\""] };
        yield return CorpusCase.RoundTrip("an enum with no members", Action("Empty Value") + "\npublic enum Empty { }", "A", "new A((Empty)3)");
        yield return CorpusCase.RoundTrip("an enum of ulong", Action("Huge Value") + "\npublic enum Huge : ulong { Max = ulong.MaxValue }", "A", "new A(Huge.Max)", "new A((Huge)5)");
        yield return CorpusCase.Refused("two enum members with one JSON name", Action("Mood Mood") + "\npublic enum Mood { [JsonStringEnumMemberName(\"Fine\")] Good, [|Fine|] }", "A", "LTT1011");
        yield return CorpusCase.Refused("[JsonStringEnumMemberName] with an unpaired surrogate", Action("Mood Mood") + "\npublic enum Mood { [[|JsonStringEnumMemberName(\"\\uDFFF\")|]] Good }", "A", "LTT1015");
        yield return CorpusCase.Refused("[JsonPropertyName] on an enum member", Action("Mood Mood") + "\npublic enum Mood { [[|JsonPropertyName(\"g\")|]] Good }", "A", "LTT1013");
        yield return CorpusCase.Refused("JsonNumberEnumConverter of another enum", Action("[property: [|JsonConverter(typeof(JsonNumberEnumConverter<DayOfWeek>))|]] Shade Value") + "\n" + shade, "A", "LTT1013");
        yield return CorpusCase.Refused("a converter on a list of enums", Action("[property: [|JsonConverter(typeof(JsonStringEnumConverter))|]] List<Shade> Values") + "\n" + shade, "A", "LTT1013");
        yield return CorpusCase.Refused("a custom converter on an enum type", Action("Tone Tone") + "\n[[|JsonConverter(typeof(ToneConverter))|]]\npublic enum Tone { Warm }\n" + Converter("Tone"), "A", "LTT1013");
    }

    private static IEnumerable<CorpusCase> UnsupportedJsonCases()
    {
        yield return CorpusCase.Refused("a custom converter on a member", Action("[property: [|JsonConverter(typeof(ToneConverter))|]] string Name") + "\n" + Converter("string"), "A", "LTT1013");
        yield return CorpusCase.Refused("a custom converter on a nested type", Action("Money Price") + "\n[[|JsonConverter(typeof(ToneConverter))|]]\npublic sealed record Money(decimal Amount);\n" + Converter("Money"), "A", "LTT1013");
        yield return CorpusCase.Refused("[JsonNumberHandling] reading numbers from strings", Action("[property: [|JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)|]] int Count"), "A", "LTT1013");
        yield return CorpusCase.Refused("[JsonNumberHandling] on the action", "[ServerAction(NAME)]\n[[|JsonNumberHandling(JsonNumberHandling.WriteAsString)|]]\npublic sealed partial record A(int Count);", "A", "LTT1013");
        yield return CorpusCase.RoundTrip("[JsonNumberHandling(Strict)], which is what typed actions do", "[ServerAction(NAME)]\n[JsonNumberHandling(JsonNumberHandling.Strict)]\npublic sealed partial record A([property: JsonNumberHandling(JsonNumberHandling.Strict)] int Count);", "A", "new A(3)")
            with { Reads = [("""{"count":"3"}""", "error count: must be a number (Int32) (found a string)")] };
        yield return CorpusCase.Refused("[JsonExtensionData]", Action("int Id", "[[|JsonExtensionData|]] public Dictionary<string, object>? Extra { get; set; }"), "A", "LTT1013");
        yield return CorpusCase.Refused("[JsonObjectCreationHandling(Populate)]", Action("int Id", "[[|JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)|]] public List<int> Items { get; } = [];"), "A", "LTT1013");
        yield return CorpusCase.RoundTrip("[JsonObjectCreationHandling(Replace)], which is what typed actions do", Action("int Id", "[JsonObjectCreationHandling(JsonObjectCreationHandling.Replace)] public List<int> Items { get; init; } = [1];"), "A", "new A(1) { Items = [2, 3] }");
        yield return CorpusCase.Refused("[JsonPolymorphic] on a nested type", Action("Shape Shape") + "\n[[|JsonPolymorphic|]]\npublic sealed record Shape(int Sides);", "A", "LTT1013");
        yield return CorpusCase.Refused("[JsonDerivedType] on a nested type", Action("Shape Shape") + "\n[[|JsonDerivedType(typeof(Shape))|]]\npublic record Shape(int Sides);", "A", "LTT1013");
        yield return CorpusCase.Refused("[JsonSerializable] on an action", "[ServerAction(NAME)]\n[[|JsonSerializable(typeof(int))|]]\npublic sealed partial record A(int Count);", "A", "LTT1013");
        yield return CorpusCase.Refused("[JsonSourceGenerationOptions] on an action", "[ServerAction(NAME)]\n[[|JsonSourceGenerationOptions|]]\npublic sealed partial record A(int Count);", "A", "LTT1013");
        yield return CorpusCase.Refused("[IgnoreDataMember], which System.Text.Json does not honour", Action("string User, [property: [|System.Runtime.Serialization.IgnoreDataMember|]] string Password"), "A", "LTT1013");
        yield return CorpusCase.Refused("[DataMember(Name)], which System.Text.Json does not honour", Action("[property: [|System.Runtime.Serialization.DataMember(Name = \"n\")|]] string Name"), "A", "LTT1013");
        yield return CorpusCase.RoundTrip("[JsonUnmappedMemberHandling(Disallow)] on the action", "[ServerAction(NAME)]\n[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]\npublic sealed partial record A(int Id, [property: JsonIgnore] string? Secret);", "A", "new A(1, null)")
            with { Reads = [("""{"id":1,"extra":2}""", "error extra: is not a member of this object, which accepts no other"), ("""{"id":1,"secret":"s"}""", "error secret: is not a member of this object, which accepts no other")] };
        yield return CorpusCase.RoundTrip("[JsonUnmappedMemberHandling(Skip)] on a nested type", Action("Part Part") + "\n[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]\npublic sealed record Part(int No);", "A", "new A(new Part(1))")
            with { Reads = [("""{"part":{"no":1,"extra":2}}""", """ok {"part":{"no":1}}""")] };
    }

    private static string Converter(string type)
        => $"public sealed class ToneConverter : JsonConverter<{type}>\n{{\n    public override {type} Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) => default!;\n    public override void Write(System.Text.Json.Utf8JsonWriter writer, {type} value, System.Text.Json.JsonSerializerOptions options) {{ }}\n}}";
}
