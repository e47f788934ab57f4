using LiveTemplate.Typed.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>One test per LTT1xxx diagnostic, with its location and message arguments, plus clean declarations that must stay silent.</summary>
public class DiagnosticTests
{
    [Fact]
    public Task LTT1001_an_action_that_is_not_partial()
        => VerifyAsync(
            """
            [ServerAction]
            public sealed record {|#0:CartUpdated|}(int Items);
            """,
            Expect("LTT1001").WithArguments("CartUpdated", "ServerAction"));

    [Fact]
    public Task LTT1002_an_action_that_is_a_class_not_a_record()
        => VerifyAsync(
            """
            [GroupAction]
            public sealed partial class {|#0:CardMoved|}
            {
                public int CardId { get; init; }
            }
            """,
            Expect("LTT1002").WithArguments("CardMoved", "GroupAction", "class"));

    [Fact]
    public Task LTT1003_an_action_with_both_scopes()
        => VerifyAsync(
            """
            [ServerAction, GroupAction]
            public sealed partial record {|#0:Both|}(int Items);
            """,
            Expect("LTT1003").WithArguments("Both", "[ServerAction], [GroupAction]"));

    [Fact]
    public Task LTT1003_a_topic_action_that_is_also_a_group_action()
        => VerifyAsync(
            """
            [TopicAction, GroupAction]
            public sealed partial record {|#0:Both|}(int Items);
            """,
            Expect("LTT1003").WithArguments("Both", "[TopicAction], [GroupAction]"));

    [Fact]
    public Task LTT1017_a_topic_template_that_breaks_the_grammar()
        => VerifyAsync(
            """
            [{|#0:TopicAction(Topic = "room/*/{RoomId}")|}]
            public sealed partial record Note(string RoomId);

            [{|#1:TopicAction(Topic = "room-{RoomId}")|}]
            public sealed partial record Mixed(string RoomId);

            [TopicAction(Topic = "room/{RoomId}/{Number}")]
            public sealed partial record Fine(string RoomId, long Number);
            """,
            Expect("LTT1017", 0).WithArguments("room/*/{RoomId}", "Note", "A topic must not contain '*' (index 5): subscribe to a TopicPattern to match several topics; a topic names exactly one."),
            Expect("LTT1017", 1).WithArguments("room-{RoomId}", "Mixed", "'room-{RoomId}' mixes text and a member: a {Member} must be a whole segment"));

    [Fact]
    public Task LTT1018_a_topic_template_that_names_no_usable_member()
        => VerifyAsync(
            """
            [{|#0:TopicAction(Topic = "room/{Room}")|}]
            public sealed partial record Note(string RoomId);

            [{|#1:TopicAction(Topic = "at/{When}")|}]
            public sealed partial record Timed(System.DateTime When);
            """,
            Expect("LTT1018", 0).WithArguments("Note", "Room", "which is no instance property or field of it"),
            Expect("LTT1018", 1).WithArguments("Timed", "When", "which is a System.DateTime: it cannot be a topic segment"));

    [Fact]
    public Task LTT1018_a_topic_template_that_names_a_member_out_of_the_actions_reach()
        => VerifyAsync(
            """
            public abstract record Base
            {
                private string Hidden { get; init; } = "";
                public string Secret { private get; init; } = "";
                public string Shown => Hidden + Secret;
            }

            [{|#0:TopicAction(Topic = "room/{Hidden}")|}]
            public sealed partial record Note(string RoomId) : Base;

            [{|#1:TopicAction(Topic = "room/{Secret}")|}]
            public sealed partial record Other(string RoomId) : Base;

            [{|#2:TopicAction(Topic = "room/{Shown}")|}]
            public sealed partial record Hiding(string RoomId) : Base
            {
                public static new string Shown => "";
            }

            [TopicAction(Topic = "room/{RoomId}/{RoomId}")]
            public sealed partial record Twice(string RoomId) : Base;
            """,
            Expect("LTT1018", 0).WithArguments("Note", "Hidden", "which is not accessible from 'Note' (private in 'Base')"),
            Expect("LTT1018", 1).WithArguments("Other", "Secret", "whose getter is not accessible from 'Other' (private in 'Base')"),
            Expect("LTT1018", 2).WithArguments("Hiding", "Shown", "which is no instance property or field of it"));

    [Fact]
    public Task LTT1004_two_actions_with_one_name()
        => VerifyAsync(
            """
            [ServerAction("moved")]
            public sealed partial record {|#0:CartMoved|}(int Items);

            [GroupAction("moved")]
            public sealed partial record {|#1:CardMoved|}(int CardId);

            [GroupAction]
            public sealed partial record Distinct(int CardId);
            """,
            Expect("LTT1004", 0).WithArguments("moved", "CartMoved", "CardMoved", "ServerAction"),
            Expect("LTT1004", 1).WithArguments("moved", "CardMoved", "CartMoved", "GroupAction"));

    [Fact]
    public Task LTT1004_a_default_name_that_collides_with_an_explicit_one()
        => VerifyAsync(
            """
            [ServerAction("card-moved")]
            public sealed partial record {|#0:Other|}(int Items);

            [GroupAction]
            public sealed partial record {|#1:CardMoved|}(int CardId);
            """,
            Expect("LTT1004", 0).WithArguments("card-moved", "Other", "CardMoved", "ServerAction"),
            Expect("LTT1004", 1).WithArguments("card-moved", "CardMoved", "Other", "GroupAction"));

    [Fact]
    public Task LTT1005_unsupported_member_types_name_the_member_and_the_type()
        => VerifyAsync(
            """
            [GroupAction]
            public sealed partial record CardMoved(object {|#0:Payload|}, Dictionary<int, string> {|#1:ByNumber|}, Holder Holder, int[,] {|#2:Grid|});

            public sealed record Holder(System.IO.Stream {|#3:Content|});
            """,
            Expect("LTT1005", 0).WithArguments("Payload", "CardMoved", "object", "an object of unknown shape cannot be read back"),
            Expect("LTT1005", 1).WithArguments("ByNumber", "CardMoved", "System.Collections.Generic.Dictionary<int, string>", "dictionary keys must be strings (JSON property names)"),
            Expect("LTT1005", 3).WithArguments("Content", "Holder", "System.IO.Stream", "only concrete records, classes and structs can be nested"),
            Expect("LTT1005", 2).WithArguments("Grid", "CardMoved", "int[*,*]", "only one-dimensional arrays are supported"));

    [Fact]
    public Task LTT1005_a_nested_type_without_a_usable_constructor()
        => VerifyAsync(
            """
            [ServerAction]
            public sealed partial record Saved(Opaque {|#0:Value|});

            public sealed class Opaque
            {
                private Opaque() { }
                public int X { get; }
            }
            """,
            Expect("LTT1005", 0).WithArguments("Value", "Saved", "Opaque", "'Opaque' has no public or internal constructor whose parameters all match its public properties by name and type"));

    [Theory]
    [InlineData("\"\"", "\"\"", "it is empty")]
    [InlineData("\"card moved\"", "\"card moved\"", "it contains whitespace")]
    [InlineData("\"tab\\tname\"", "\"tab\\tname\"", "it contains the control character U+0009")]
    public Task LTT1006_an_invalid_action_name(string literal, string name, string reason)
        => VerifyAsync(
            $$"""
            [{|#0:ServerAction({{literal}})|}]
            public sealed partial record Named(int Items);
            """,
            Expect("LTT1006").WithArguments(name, "Named", reason));

    [Fact]
    public Task LTT1006_a_null_action_name_says_that_it_is_null_and_what_the_argument_is()
        => VerifyAsync(
            """
            [{|#0:GroupAction(null)|}]
            public sealed partial record CardMoved(int CardId);

            [{|#1:TopicAction(null!, Topic = "room/{Room}")|}]
            public sealed partial record RoomNote(string Room);
            """,
            Expect("LTT1006", 0).WithArguments("null", "CardMoved", "the attribute's argument is the action name, and it is null; leave the argument out for the default name \"card-moved\""),
            Expect("LTT1006", 1).WithArguments("null", "RoomNote", "the attribute's argument is the action name, and it is null; leave the argument out for the default name \"room-note\""));

    [Fact]
    public Task LTT1007_an_action_nested_in_a_type_that_is_not_partial()
        => VerifyAsync(
            """
            public static class Board
            {
                [GroupAction]
                public sealed partial record {|#0:CardMoved|}(int CardId);
            }
            """,
            Expect("LTT1007").WithArguments("CardMoved", "Board"));

    [Fact]
    public Task LTT1008_a_generic_action_or_one_nested_in_a_generic_type()
        => VerifyAsync(
            """
            [GroupAction]
            public sealed partial record {|#0:Wrapped|}<T>(T Value);

            public partial class Outer<T>
            {
                [GroupAction]
                public sealed partial record {|#1:Inner|}(int Value);
            }
            """,
            Expect("LTT1008", 0).WithArguments("Wrapped"),
            Expect("LTT1008", 1).WithArguments("Inner"));

    [Fact]
    public Task LTT1009_an_action_that_cannot_be_constructed_from_its_members()
        => VerifyAsync(
            """
            [ServerAction]
            public sealed partial record {|#0:Hidden|}
            {
                private Hidden(int items) => Items = items;
                public int Items { get; }
            }
            """,
            Expect("LTT1009").WithArguments("Hidden", "'Hidden' has no public or internal constructor whose parameters all match its public properties by name and type"));

    [Fact]
    public Task LTT1010_an_action_hidden_from_the_rest_of_its_assembly()
        => VerifyAsync(
            """
            public partial class Board
            {
                [GroupAction]
                private sealed partial record {|#0:CardMoved|}(int CardId);

                [GroupAction]
                protected sealed partial record {|#1:CardArchived|}(int CardId);

                private partial class Drawer
                {
                    [ServerAction]
                    public sealed partial record {|#2:DrawerOpened|}(int Slot);
                }
            }
            """,
            Expect("LTT1010", 0).WithArguments("CardMoved", "private"),
            Expect("LTT1010", 1).WithArguments("CardArchived", "protected"),
            Expect("LTT1010", 2).WithArguments("DrawerOpened", "nested in private 'Drawer'"));

    [Fact]
    public Task LTT1010_a_file_local_action_or_presence_metadata()
        => VerifyAsync(
            """
            [GroupAction]
            file sealed partial record {|#0:CardMoved|}(int CardId);

            file static partial class Board
            {
                [ServerAction]
                public sealed partial record {|#1:DrawerOpened|}(int Slot);
            }

            [LiveTemplate.Typed.Presence.PresenceMetadata]
            file sealed partial record {|#2:Cursor|}(string Name);
            """,
            Expect("LTT1010", 0).WithArguments("CardMoved", "file-local"),
            Expect("LTT1010", 1).WithArguments("DrawerOpened", "nested in file-local 'Board'"),
            Expect("LTT1010", 2).WithArguments("Cursor", "file-local"));

    [Fact]
    public Task LTT1011_two_members_with_one_json_name()
        => VerifyAsync(
            """
            [GroupAction]
            public sealed partial record Renamed([property: JsonPropertyName("id")] int Other, int {|#0:Id|}, string URL, string {|#1:Url|});

            [ServerAction]
            public sealed partial record Shaded(Shade Shade);

            public enum Shade { [JsonStringEnumMemberName("Dark")] Light, {|#2:Dark|} }
            """,
            Expect("LTT1011", 0).WithArguments("Other", "Id", "Renamed", "id", "JsonPropertyName"),
            Expect("LTT1011", 1).WithArguments("URL", "Url", "Renamed", "url", "JsonPropertyName"),
            Expect("LTT1011", 2).WithArguments("Light", "Dark", "Shade", "Dark", "JsonStringEnumMemberName"));

    [Fact]
    public Task LTT1012_an_ignored_member_that_reading_needs()
        => VerifyAsync(
            """
            [ServerAction]
            internal sealed partial record SignedIn(string User, [property: {|#0:JsonIgnore|}] string Password)
            {
                [{|#1:JsonIgnore|}] public required string Session { get; init; }

                [JsonRequired, {|#2:JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)|}] public string? Token { get; init; }

                internal required int {|#3:Hidden|} { get; init; }
            }
            """,
            Expect("LTT1012", 0).WithArguments("Password", "SignedIn", "[JsonIgnore]", "the constructor needs it (its parameter has no default value and does not accept null)", "give the parameter a default value (Password = ...) or remove the [JsonIgnore]"),
            Expect("LTT1012", 1).WithArguments("Session", "SignedIn", "[JsonIgnore]", "it is required", "remove the [JsonIgnore] or the requirement"),
            Expect("LTT1012", 2).WithArguments("Token", "SignedIn", "[JsonIgnore(Condition = WhenWritingNull)]", "it is required, and the writer leaves it out", "remove the [JsonIgnore] or the requirement"),
            Expect("LTT1012", 3).WithArguments("Hidden", "SignedIn", "left out of the JSON", "it is required and not public", "make it public or add [JsonInclude]"));

    [Fact]
    public Task LTT1013_ignore_conditions_for_one_direction_only()
        => VerifyAsync(
            """
            [ServerAction]
            public sealed partial record SignedIn(string User)
            {
                [{|#0:JsonIgnore(Condition = JsonIgnoreCondition.WhenWriting)|}] public string? Password { get; init; }

                [{|#1:JsonIgnore(Condition = JsonIgnoreCondition.WhenReading)|}] public string? Greeting { get; init; }
            }
            """,
            Expect("LTT1013", 0).WithArguments("JsonIgnore(Condition = WhenWriting)", "SignedIn.Password", "typed actions read what they write, so a member read but never written would not round-trip; use [JsonIgnore] to keep it out of the JSON"),
            Expect("LTT1013", 1).WithArguments("JsonIgnore(Condition = WhenReading)", "SignedIn.Greeting", "typed actions read what they write, so a member written but never read would not round-trip; use [JsonIgnore] to keep it out of the JSON"));

    [Fact]
    public Task LTT1013_attributes_a_typed_action_cannot_honour()
        => VerifyAsync(
            """
            [GroupAction]
            [{|#0:JsonPolymorphic|}]
            public sealed partial record Shaped(
                [property: {|#1:JsonConverter(typeof(Upper))|}] string Name,
                [property: {|#2:JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)|}] int Count,
                [property: {|#3:JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)|}] int Never,
                [property: {|#4:System.Runtime.Serialization.IgnoreDataMember|}] string Secret)
            {
                [{|#5:JsonExtensionData|}] public Dictionary<string, object>? Extra { get; set; }

                [{|#6:JsonPropertyName("x")|}] internal int NotPublic { get; init; }
            }

            public sealed class Upper : System.Text.Json.Serialization.JsonConverter<string>
            {
                public override string Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) => "";
                public override void Write(System.Text.Json.Utf8JsonWriter writer, string value, System.Text.Json.JsonSerializerOptions options) { }
            }
            """,
            Expect("LTT1013", 0).WithArguments("JsonPolymorphic", "Shaped", "a typed action has one fixed shape, without type discriminators"),
            Expect("LTT1013", 1).WithArguments("JsonConverter", "Shaped.Name", "it is not on an enum member; typed actions support only JsonStringEnumConverter and JsonNumberEnumConverter<T> on enums"),
            Expect("LTT1013", 2).WithArguments("JsonNumberHandling", "Shaped.Count", "numbers are always written as JSON numbers and read only from them"),
            Expect("LTT1013", 3).WithArguments("JsonIgnore(Condition = WhenWritingNull)", "Shaped.Never", "a int is never null (System.Text.Json rejects it too); use WhenWritingDefault"),
            Expect("LTT1013", 4).WithArguments("IgnoreDataMember", "Shaped.Secret", "System.Text.Json does not honour it, so the member would still be sent; use [JsonIgnore]"),
            Expect("LTT1013", 5).WithArguments("JsonExtensionData", "Shaped.Extra", "a typed action has a fixed shape: properties it does not know are skipped"),
            Expect("LTT1013", 6).WithArguments("JsonPropertyName", "Shaped.NotPublic", "the member is not public, so System.Text.Json would skip it; make it public or add [JsonInclude]"));

    [Fact]
    public Task LTT1014_a_member_generated_code_cannot_call()
        => VerifyAsync(
            """
            [ServerAction]
            public sealed partial record Loaded(Plugin Plugin);

            public sealed class Plugin
            {
                [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode("Loads types by name.")]
                public {|#0:Plugin|}() { }

                public string Name { get; init; } = "";
            }

            [ServerAction]
            public sealed partial record Tuned(Settings Settings);

            public sealed class Settings
            {
                public int Level { get; [System.Diagnostics.CodeAnalysis.RequiresDynamicCode("Compiles a tuner.")] {|#1:set|}; }
            }
            """,
            Expect("LTT1014", 0).WithArguments("Plugin.Plugin()", "it is marked [RequiresUnreferencedCode], and generated code, which must stay trimming and AOT safe, calls it", "remove the attribute, or keep the member out of the action's data"),
            Expect("LTT1014", 1).WithArguments("Settings.Level.set", "it is marked [RequiresDynamicCode], and generated code, which must stay trimming and AOT safe, calls it", "remove the attribute, or keep the member out of the action's data"));

    [Fact]
    public Task LTT1015_a_json_name_that_is_not_valid()
        => VerifyAsync(
            """
            [GroupAction]
            public sealed partial record Named([property: {|#0:JsonPropertyName(null!)|}] int A, [property: {|#1:JsonPropertyName("half \uD800")|}] int B, Mood Mood);

            public enum Mood { [{|#2:JsonStringEnumMemberName("\uDC00")|}] Calm }
            """,
            Expect("LTT1015", 0).WithArguments("A", "Named", "it is null", "JsonPropertyName"),
            Expect("LTT1015", 1).WithArguments("B", "Named", "it contains the unpaired surrogate U+D800", "JsonPropertyName"),
            Expect("LTT1015", 2).WithArguments("Calm", "Mood", "it contains the unpaired surrogate U+DC00", "JsonStringEnumMemberName"));

    [Fact]
    public Task LTT1016_a_public_field_that_would_not_be_sent()
        => VerifyAsync(
            """
            [GroupAction]
            public sealed partial record Moved(Vector By);

            public struct Vector
            {
                public double {|#0:X|};
                [JsonInclude] public double Y;
                [JsonIgnore] public double Cache;
                internal double Scratch;
            }
            """,
            Expect("LTT1016", 0).WithArguments("X", "Vector"));

    [Fact]
    public Task Correct_declarations_of_every_shape_report_nothing()
        => VerifyAsync(
            """
            [ServerAction("cart-updated")]
            public sealed partial record CartUpdated(Guid CartId, int Items, decimal Total, string? Note);

            [GroupAction]
            public partial record struct Ticked(long Count, IReadOnlyDictionary<string, List<int?>> Series);

            public partial class Outer
            {
                [GroupAction]
                internal sealed partial record Inner(Detail Detail, Level Level);
            }

            public sealed class Detail
            {
                public string Text { get; init; } = "";
                public List<Detail>? Children { get; set; }
            }

            public enum Level { Low, High }
            """);

    [Fact]
    public void Every_descriptor_has_a_help_link_and_a_message_that_says_what_to_do()
    {
        var descriptors = new ActionDeclarationAnalyzer().SupportedDiagnostics;

        Assert.Equal(21, descriptors.Length);
        Assert.All(descriptors, d =>
        {
            Assert.Equal($"https://github.com/livetemplate/livetemplate-typed/blob/main/docs/diagnostics/{d.Id}.md", d.HelpLinkUri);
            Assert.Matches("^LTT1[0-9]{3}$", d.Id);
            Assert.Contains(";", d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        Assert.Equal(descriptors.Length, descriptors.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public Task LTT1020_presence_metadata_marked_as_an_action_too()
        => VerifyAsync(
            """
            [LiveTemplate.Typed.Presence.PresenceMetadata, GroupAction]
            public sealed partial record {|#0:BoardPresence|}(string Name);

            [LiveTemplate.Typed.Presence.PresenceMetadata]
            public sealed partial record Fine(string Name);

            [GroupAction]
            public sealed partial record FineAction(string Name);
            """,
            Expect("LTT1020").WithArguments("BoardPresence", "GroupAction"));

    [Fact]
    public Task LTT1001_presence_metadata_that_is_not_partial()
        => VerifyAsync(
            """
            [LiveTemplate.Typed.Presence.PresenceMetadata]
            public sealed record {|#0:Cursor|}(int X);
            """,
            Expect("LTT1001").WithArguments("Cursor", "PresenceMetadata"));

    [Fact]
    public void The_generator_skips_invalid_declarations_without_failing()
    {
        var (sources, output) = GeneratorHarness.Run(
            """
            using LiveTemplate.Typed;
            [ServerAction] public sealed record NotPartial(int Items);
            [GroupAction] public sealed partial class NotRecord { }
            [ServerAction(" ")] public sealed partial record BadName(int Items);
            [GroupAction] public sealed partial record Unsupported(object Payload);
            [GroupAction] public sealed partial record Fine(int Items);
            """);

        Assert.Equal(["Fine.Action.g.cs"], sources.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_file_local_action_or_presence_metadata_is_skipped_and_the_others_are_generated()
    {
        // A file-local type's metadata name is not a valid hint name: the generator used to fail as a whole (CS8785).
        var (sources, output) = GeneratorHarness.Run(
            """
            using LiveTemplate.Typed;
            [ServerAction] file sealed partial record Local(int Items);
            [LiveTemplate.Typed.Presence.PresenceMetadata] file sealed partial record LocalCursor(string Name);
            [GroupAction] public sealed partial record Fine(int Items);
            """);

        Assert.Equal(["Fine.Action.g.cs"], sources.Keys.Where(k => k.EndsWith(".Action.g.cs", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    private static DiagnosticResult Expect(string id, int location = 0)
        => new DiagnosticResult(id, Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(location);

    [Theory]
    [InlineData(LanguageVersion.CSharp10, "10.0")]
    [InlineData(LanguageVersion.CSharp9, "9.0")]
    public Task LTT1023_a_project_compiling_a_csharp_version_before_11(LanguageVersion version, string shown)
        => VerifyAsync(
            """
            [GroupAction]
            public sealed partial record {|#0:Moved|}(int CardId);

            [LiveTemplate.Typed.Presence.PresenceMetadata]
            public sealed partial record {|#1:Editing|}(int CardId);

            public sealed partial record NotAnAction(int CardId);
            """,
            version,
            Expect("LTT1023", 0).WithArguments("Moved", "GroupAction", shown),
            Expect("LTT1023", 1).WithArguments("Editing", "PresenceMetadata", shown));

    [Fact]
    public Task LTT1023_is_not_reported_from_csharp_11_on()
        => VerifyAsync(
            """
            [GroupAction]
            public sealed partial record Moved(int CardId);
            """,
            LanguageVersion.CSharp11);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, LanguageVersion.Latest, expected);

    private static async Task VerifyAsync(string source, LanguageVersion version, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<ActionDeclarationAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = GeneratorHarness.NoReferenceAssemblies,
            TestCode = "#nullable enable\nusing System;\nusing System.Collections.Generic;\nusing System.Text.Json.Serialization;\nusing LiveTemplate.Typed;\n\n" + source,
        };
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectParseOptions(projectId, ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithLanguageVersion(version)));
        test.TestState.AdditionalReferences.AddRange(GeneratorHarness.References);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}
