using System.Reflection;
using System.Runtime.Loader;
using LiveTemplate.Typed.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>
/// What a topic template gives an action (<c>TopicFor</c>, <c>AnyTopic</c>, <c>TopicOf</c>), whatever the user
/// declares beside it: the whole compilation gives no diagnostic at all, and the members and a typed publish are run.
/// </summary>
public class TopicTemplateTests
{
    // Every action of these tests is Note, with a Probe class to call from the test (through reflection) and a
    // broadcaster that records where a typed publish goes.
    private const string Preamble = """
        #pragma warning disable CS1591
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using LiveTemplate.Typed;
        using LiveTemplate.Typed.PubSub;

        public static class Probe
        {
            public static string Of(Note note) => TopicOf(note).Value;

            public static string Published(Note note)
            {
                var recorder = new Recorder();
                recorder.PublishAsync(note).GetAwaiter().GetResult();
                return recorder.Topic!;
            }

            private static Topic TopicOf<T>(T action) where T : ITemplatedTopicAction<T> => T.TopicOf(action);
        }

        public sealed class Recorder : ITopicBroadcaster
        {
            public string? Topic { get; private set; }

            public Task PublishToTopicAsync(Topic topic, string action, ReadOnlyMemory<byte> data, CancellationToken ct = default)
            {
                Topic = topic.Value;
                return Task.CompletedTask;
            }

            public Task SubscribeTopicActionsAsync(Func<TopicActionMessage, ValueTask> handler, CancellationToken ct = default) => Task.CompletedTask;
        }

        """;

    [Fact]
    public void A_member_named_twice_is_one_parameter_used_in_both_segments()
    {
        var probe = Load("""
            [TopicAction(Topic = "room/{Id}/copy/{Id}")]
            public sealed partial record Note(string Id, string Text);

            public static class Calls
            {
                public static string For(string id) => Note.TopicFor(id).Value;
                public static string Any() => Note.AnyTopic.Value;
            }
            """);

        Assert.Equal("room/7/copy/7", probe.Call("Calls", "For", "7"));
        Assert.Equal("room/*/copy/*", probe.Call("Calls", "Any"));
        Assert.Equal("room/8/copy/8", probe.Call("Probe", "Of", probe.Note("8", "t")));
        Assert.Equal("room/9/copy/9", probe.Call("Probe", "Published", probe.Note("9", "t")));
    }

    [Fact]
    public void Values_that_make_the_topic_too_long_are_refused_naming_the_action()
    {
        var probe = Load("""
            [TopicAction(Topic = "note/{Id}")]
            public sealed partial record Note(string Id);

            namespace Rooms
            {
                [TopicAction(Topic = "room/{Id}/{Part}")]
                public sealed partial record Memo(string Id, string Part);

                public static class Calls
                {
                    public static string For(string id, string part) => Memo.TopicFor(id, part).Value;
                }
            }

            public static class RoomProbe
            {
                public static string Published(Rooms.Memo memo)
                {
                    var recorder = new Recorder();
                    recorder.PublishAsync(memo).GetAwaiter().GetResult();
                    return recorder.Topic!;
                }
            }
            """);
        var id = new string('a', 300);
        var memo = Activator.CreateInstance(probe.Type("Rooms.Memo"), id, id)!;

        foreach (var call in new Func<object?>[] { () => probe.Call("Rooms.Calls", "For", id, id), () => probe.Call("RoomProbe", "Published", memo) })
        {
            var refused = Assert.IsType<ArgumentException>(Assert.Throws<TargetInvocationException>(call).InnerException);
            Assert.Equal("Rooms.Memo", refused.ParamName);
            Assert.StartsWith("The topic Rooms.Memo's template makes of its members' values is not a topic: A topic must be at most 512 characters long (it has 606).", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal("room/" + id + "/b", probe.Call("Rooms.Calls", "For", id, "b"));
    }

    [Fact]
    public void Members_whose_parameter_names_would_collide_get_distinct_parameters()
    {
        var probe = Load("""
            [TopicAction(Topic = "a/{Id}/{id}/{Id}")]
            public sealed partial record Note(string Id, [property: System.Text.Json.Serialization.JsonPropertyName("n")] int id);

            public static class Calls
            {
                public static string For(string first, int second) => Note.TopicFor(first, second).Value;
            }
            """);

        Assert.Equal("a/x/2/x", probe.Call("Calls", "For", "x", 2));
        Assert.Equal("a/y/3/y", probe.Call("Probe", "Published", probe.Note("y", 3)));
    }

    [Theory]
    [InlineData("public static string AnyTopic => \"mine\";", "Note.AnyTopic")]
    [InlineData("public static string AnyTopic() => \"mine\";", "Note.AnyTopic()")]
    [InlineData("public const string AnyTopic = \"mine\";", "Note.AnyTopic")]
    [InlineData("public sealed class AnyTopic { public override string ToString() => \"mine\"; }", "new Note.AnyTopic().ToString()")]
    public void A_member_of_the_action_named_AnyTopic_stays_and_the_generated_one_is_left_out(string member, string use)
    {
        var probe = Load($$"""
            [TopicAction(Topic = "room/{Id}")]
            public sealed partial record Note(string Id)
            {
                {{member}}
            }

            public static class Calls
            {
                public static string Mine() => {{use}};
                public static string For(string id) => Note.TopicFor(id).Value;
            }
            """);

        Assert.Equal("mine", probe.Call("Calls", "Mine"));
        Assert.Single(probe.Members("AnyTopic"));
        Assert.Equal("room/7", probe.Call("Calls", "For", "7"));
        Assert.Equal("room/8", probe.Call("Probe", "Of", probe.Note("8")));
        Assert.Equal("room/9", probe.Call("Probe", "Published", probe.Note("9")));
    }

    [Theory]
    [InlineData("public static Topic TopicFor(string room) => new Topic(\"mine/\" + room);", "Note.TopicFor(\"7\").Value")]
    [InlineData("public static Topic TopicFor(int room) => new Topic(\"mine/\" + room);", "Note.TopicFor(7).Value")]
    [InlineData("public static string TopicFor => \"mine/7\";", "Note.TopicFor")]
    [InlineData("public string TopicFor { get; init; } = \"mine/7\";", "new Note(\"1\").TopicFor")]
    public void A_member_of_the_action_named_TopicFor_stays_and_the_generated_one_is_left_out(string member, string use)
    {
        var probe = Load($$"""
            [TopicAction(Topic = "room/{Id}")]
            public sealed partial record Note(string Id)
            {
                {{member}}
            }

            public static class Calls
            {
                public static string Mine() => {{use}};
                public static string Any() => Note.AnyTopic.Value;
            }
            """);

        Assert.Equal("mine/7", probe.Call("Calls", "Mine"));
        Assert.Single(probe.Members("TopicFor"));
        Assert.Equal("room/*", probe.Call("Calls", "Any"));
        Assert.Equal("room/8", probe.Call("Probe", "Of", probe.Note("8")));
        Assert.Equal("room/9", probe.Call("Probe", "Published", probe.Note("9")));
    }

    [Fact]
    public void Members_of_a_base_record_named_TopicFor_and_AnyTopic_stay()
    {
        var probe = Load("""
            public abstract record Base
            {
                public static string AnyTopic => "base-any";
                public static string TopicFor(string id) => "base-" + id;
            }

            [TopicAction(Topic = "room/{Id}")]
            public sealed partial record Note(string Id) : Base;

            public static class Calls
            {
                public static string Mine() => Note.AnyTopic + " " + Note.TopicFor("7");
            }
            """);

        Assert.Equal("base-any base-7", probe.Call("Calls", "Mine"));
        Assert.Equal("room/9", probe.Call("Probe", "Published", probe.Note("9")));
    }

    [Fact]
    public void A_templated_action_derived_from_another_hides_its_topic_members()
    {
        var probe = Load("""
            [TopicAction(Topic = "base/{Id}")]
            public partial record Other(string Id);

            [TopicAction(Topic = "room/{Id}")]
            public sealed partial record Note(string Id) : Other(Id);

            [TopicAction(Topic = "board/{Id}/{Number}")]
            public sealed partial record Wider(string Id, int Number) : Other(Id);

            public static class Calls
            {
                public static string Topics()
                    => string.Join(" ", Other.TopicFor("1").Value, Other.AnyTopic.Value, Note.TopicFor("2").Value, Note.AnyTopic.Value,
                        Wider.TopicFor("3", 4).Value, Wider.AnyTopic.Value);
            }
            """);

        Assert.Equal("base/1 base/* room/2 room/* board/3/4 board/*/*", probe.Call("Calls", "Topics"));
        Assert.Equal("room/9", probe.Call("Probe", "Published", probe.Note("9")));
    }

    [Fact]
    public void A_templated_action_derived_from_one_of_another_assembly_hides_its_topic_members()
    {
        var library = Emit(Compile("Library", """
            #pragma warning disable CS1591
            using LiveTemplate.Typed;

            [TopicAction(Topic = "base/{Id}")]
            public partial record Other(string Id);
            """));
        var probe = Load("""
            [TopicAction(Topic = "room/{Id}")]
            public sealed partial record Note(string Id) : Other(Id);

            [TopicAction(Topic = "board/{Number}")]
            public sealed partial record Wider(string Id, int Number) : Other(Id);

            public static class Calls
            {
                public static string Topics()
                    => string.Join(" ", Other.TopicFor("1").Value, Note.TopicFor("2").Value, Note.AnyTopic.Value, Wider.TopicFor(3).Value, Wider.AnyTopic.Value);
            }
            """, library);

        Assert.Equal("base/1 room/2 room/* board/3 board/*", probe.Call("Calls", "Topics"));
        Assert.Equal("room/9", probe.Call("Probe", "Published", probe.Note("9")));
    }

    [Fact]
    public void A_protected_member_of_a_base_record_can_be_a_segment()
    {
        var probe = Load("""
            public abstract record Base
            {
                protected string Room { get; init; } = "main";
            }

            [TopicAction(Topic = "room/{Room}/{Id}")]
            public sealed partial record Note(string Id) : Base;
            """);

        Assert.Equal("room/main/9", probe.Call("Probe", "Published", probe.Note("9")));
    }

    [Theory]
    [InlineData("private string Hidden { get; init; } = \"h\";", "which is not accessible from 'Note' (private in 'Base')")]
    [InlineData("public string Hidden { private get; init; } = \"h\";", "whose getter is not accessible from 'Note' (private in 'Base')")]
    [InlineData("private readonly string Hidden = \"h\";", "which is not accessible from 'Note' (private in 'Base')")]
    public void A_private_member_of_a_base_record_is_refused_and_generates_nothing(string member, string problem)
    {
        var (sources, output) = GeneratorHarness.Run($$"""
            using LiveTemplate.Typed;

            public abstract record Base
            {
                {{member}}
                public string Shown => Hidden;
            }

            [TopicAction(Topic = "room/{Hidden}")]
            public sealed partial record Note(string Id) : Base;

            [TopicAction(Topic = "room/{Id}")]
            public sealed partial record Other(string Id);
            """);

        AssertRefused(sources, output, problem);
    }

    [Fact]
    public void A_private_member_of_a_base_record_does_not_hide_an_accessible_one_further_down()
    {
        // As C# binds action.Room in Note: the private int of Middle is out of reach, the string of Base is the member.
        var probe = Load("""
            public abstract record Base
            {
                public string Room { get; init; } = "main";
            }

            public abstract record Middle : Base
            {
                private new int Room => 1;
                public int Used => Room;
            }

            [TopicAction(Topic = "room/{Room}/{Id}")]
            public sealed partial record Note(string Id) : Middle;

            public static class Calls
            {
                public static string For(string room, string id) => Note.TopicFor(room, id).Value;
            }
            """);

        Assert.Equal("room/a/b", probe.Call("Calls", "For", "a", "b"));
        Assert.Equal("room/main/9", probe.Call("Probe", "Published", probe.Note("9")));
    }

    /// <summary>
    /// Asserts that <c>Note</c> is refused by exactly LTT1018 on its attribute with <paramref name="problem"/> and gets no
    /// generated code, that <c>Other</c> does, and that no compiler error is left anywhere.
    /// </summary>
    private static void AssertRefused(IReadOnlyDictionary<string, string> sources, Compilation output, string problem)
    {
        var note = output.GetTypeByMetadataName("Note")!;
        var reported = Diagnostics.DeclarationDiagnostics.Of(note, new Parsing.PayloadContext(output), CancellationToken.None, out _).Select(d => d.Diagnostic).ToList();
        var diagnostic = Assert.Single(reported);
        Assert.Equal("LTT1018", diagnostic.Id);
        Assert.Equal($"The topic template of 'Note' names '{{Hidden}}', {problem}; name a data member of type string, an integer type or Guid", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("TopicAction(Topic = \"room/{Hidden}\")", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.DoesNotContain("Note.Action.g.cs", sources.Keys);
        Assert.Contains("Other.Action.g.cs", sources.Keys);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    /// <summary>
    /// Compiles <paramref name="source"/> after <see cref="Preamble"/> (against <paramref name="library"/>, an image of
    /// <see cref="Emit"/>), asserts that nothing at all is reported, and loads it (and the library).
    /// </summary>
    private static Loaded Load(string source, byte[]? library = null)
    {
        var image = Emit(Compile("TopicTemplates", Preamble + source, library is null ? [] : [MetadataReference.CreateFromImage(library)]));
        var context = new AssemblyLoadContext("topic-templates", isCollectible: true);
        if (library is not null)
        {
            context.LoadFromStream(new MemoryStream(library));
        }

        return new Loaded(context.LoadFromStream(new MemoryStream(image)));
    }

    /// <summary><paramref name="source"/> through the generator, every warning and documentation comments checked.</summary>
    private static Compilation Compile(string name, string source, MetadataReference[]? references = null)
    {
        var parse = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source, parse, path: "Source0.cs")],
            GeneratorHarness.References.AddRange(references ?? []),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));
        var driver = CSharpGeneratorDriver.Create([new ActionGenerator().AsSourceGenerator()], parseOptions: parse);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        return output;
    }

    /// <summary>The image of <paramref name="output"/>, after asserting that neither the analyzer nor the compiler reports anything.</summary>
    private static byte[] Emit(Compilation output)
    {
        var payload = new Parsing.PayloadContext(output);
        Assert.Empty(output.GlobalNamespace.GetTypeMembers().Where(t => t.DeclaringSyntaxReferences.Length > 0)
            .SelectMany(t => Diagnostics.DeclarationDiagnostics.Of(t, payload, CancellationToken.None, out _)));
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        var reported = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(emitted.Success && reported.Count == 0, string.Join("\n", reported));
        return image.ToArray();
    }

    /// <summary>The assembly of one test's source, loaded.</summary>
    private sealed class Loaded(Assembly assembly)
    {
        /// <summary>Calls the public static method <paramref name="method"/> of <paramref name="type"/>.</summary>
        public object? Call(string type, string method, params object?[] arguments)
            => assembly.GetType(type, throwOnError: true)!.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments);

        /// <summary>The loaded type named <paramref name="name"/>.</summary>
        public Type Type(string name) => assembly.GetType(name, throwOnError: true)!;

        /// <summary>The members <c>Note</c> itself declares named <paramref name="name"/>.</summary>
        public MemberInfo[] Members(string name)
            => assembly.GetType("Note", throwOnError: true)!.GetMember(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly);

        /// <summary>A new <c>Note</c> from its primary constructor.</summary>
        public object Note(params object?[] arguments)
            => Activator.CreateInstance(assembly.GetType("Note", throwOnError: true)!, arguments)!;
    }
}
