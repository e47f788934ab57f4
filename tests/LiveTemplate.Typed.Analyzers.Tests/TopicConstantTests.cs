using LiveTemplate.Typed.Analyzers.Tests.Infrastructure;
using LiveTemplate.Typed.CodeFixes;

namespace LiveTemplate.Typed.Analyzers.Tests;

/// <summary>LTT0010 (a topic or pattern constant that breaks the grammar), LTT0011 (a pattern given to Topic) and their code fixes.</summary>
public class TopicConstantTests
{
    [Fact]
    public Task LTT0010_topic_constants_the_runtime_refuses()
        => Verify.AnalyzersAsync(
            """
            public static class Topics
            {
                private const string Doubled = "room//1";

                public static void Create()
                {
                    _ = new Topic({|#0:"room//1"|});
                    _ = new Topic({|#1:"room/?"|});
                    _ = new Topic({|#2:Doubled|});
                    _ = new Topic({|#3:"room/" + "/1"|});
                    _ = Topic.TryCreate({|#4:""|}, out _);
                    Topic target = new({|#5:"room/1/"|});
                    _ = new Topic({|#6:"lvt:admin"|});
                    _ = new Topic({|#7:"room/*x"|});
                    _ = new Topic({|#8:null|}!);
                }
            }
            """,
            TopicProblem(0, "new Topic(\"room//1\")", "A topic has an empty segment at index 5 ('room//1'): segments are separated by single '/' and are never empty"),
            TopicProblem(1, "new Topic(\"room/?\")", "A topic may only contain ASCII letters, digits, '_' and '-' in its '/'-separated segments (found '?' at index 5)"),
            TopicProblem(2, "new Topic(\"room//1\")", "A topic has an empty segment at index 5 ('room//1'): segments are separated by single '/' and are never empty"),
            TopicProblem(3, "new Topic(\"room//1\")", "A topic has an empty segment at index 5 ('room//1'): segments are separated by single '/' and are never empty"),
            TopicProblem(4, "Topic.TryCreate(\"\")", "A topic must not be empty"),
            TopicProblem(5, "new Topic(\"room/1/\")", "A topic has an empty segment at index 7 ('room/1/'): segments are separated by single '/' and are never empty"),
            TopicProblem(6, "new Topic(\"lvt:admin\")", "The 'lvt:' namespace is reserved: only 'lvt:user:{userId}' and 'lvt:session:{groupId}' are topics there (found 'lvt:admin')"),
            TopicProblem(7, "new Topic(\"room/*x\")", "A topic must not contain '*' (index 5): subscribe to a TopicPattern to match several topics; a topic names exactly one"),
            TopicProblem(8, "new Topic(null)", "A topic must not be null"));

    [Fact]
    public Task LTT0010_pattern_constants_the_runtime_refuses()
        => Verify.AnalyzersAsync(
            """
            public static class Patterns
            {
                public static void Create()
                {
                    _ = new TopicPattern({|#0:"room/x"|});
                    _ = new TopicPattern({|#1:"room/*x"|});
                    _ = new TopicPattern({|#2:"room/[ab]"|});
                    _ = TopicPattern.TryCreate({|#3:"lvt:user:*"|}, out _);
                    _ = new TopicPattern({|#4:"room//*"|});
                }
            }
            """,
            PatternProblem(0, "new TopicPattern(\"room/x\")", "A topic pattern needs at least one segment that is exactly '*' ('room/x' has none: subscribe to it as a topic)"),
            PatternProblem(1, "new TopicPattern(\"room/*x\")", "A topic pattern has '*' inside a segment at index 5: '*' must be a whole segment"),
            PatternProblem(2, "new TopicPattern(\"room/[ab]\")", "A topic pattern may only contain ASCII letters, digits, '_' and '-' in its '/'-separated segments (found '[' at index 5)"),
            PatternProblem(3, "TopicPattern.TryCreate(\"lvt:user:*\")", "A topic pattern cannot name the reserved 'lvt:' namespace: subscribe to a connection's own topic exactly"),
            PatternProblem(4, "new TopicPattern(\"room//*\")", "A topic pattern has an empty segment at index 5 ('room//*'): segments are separated by single '/' and are never empty"));

    [Fact]
    public Task LTT0011_a_pattern_given_to_Topic_to_subscribe_or_to_publish()
        => Verify.AnalyzersAsync(
            """
            [TopicAction] public sealed partial record RoomNote(string Text);

            public sealed class Rooms(InMemoryBroadcaster broadcaster)
            {
                public async Task RunAsync()
                {
                    await broadcaster.SubscribeToTopicAsync(new Topic({|#0:"room/*"|}));
                    await broadcaster.PublishAsync(new Topic({|#1:"*/alice"|}), new RoomNote("hi"));
                    await broadcaster.PublishToTopicAsync(new({|#2:"room/*"|}), {|LTT0002:"room-note"|}, ReadOnlyMemory<byte>.Empty);
                    _ = Topic.TryCreate({|#3:"*"|}, out _);
                }
            }
            """,
            Verify.Diagnostic("LTT0011", 0).WithArguments("new Topic(\"room/*\")", "room/*", "subscribe with new TopicPattern(\"room/*\") to receive every topic it matches"),
            Verify.Diagnostic("LTT0011", 1).WithArguments("new Topic(\"*/alice\")", "*/alice", Publish),
            Verify.Diagnostic("LTT0011", 2).WithArguments("new Topic(\"room/*\")", "room/*", Publish),
            Verify.Diagnostic("LTT0011", 3).WithArguments("Topic.TryCreate(\"*\")", "*", "subscribe with new TopicPattern(\"*\") to receive every topic it matches"));

    [Fact]
    public Task Valid_constants_run_time_values_and_reserved_forms_are_not_reported()
        => Verify.AnalyzersAsync(
            """
            public static class Valid
            {
                private const string Lobby = "room/lobby";

                public static void Create(string name, int board, UserId user, GroupId group)
                {
                    _ = new Topic("room/42");
                    _ = new Topic(Lobby);
                    _ = new Topic("board-7/activity_feed");
                    _ = new Topic("lvt:user:alice");
                    _ = new Topic("lvt:session:s-1");
                    _ = new TopicPattern("room/*");
                    _ = new TopicPattern("*/alice");
                    _ = new TopicPattern("*");
                    _ = new Topic(name);
                    _ = new Topic($"board-{board}");
                    _ = new TopicPattern(name + "/*");
                    _ = Topic.ForUser(user);
                    _ = Topic.ForSession(group);
                    _ = Topic.TryCreate(name, out _);
                }
            }
            """);

    [Fact]
    public Task A_reserved_topic_from_a_constant_id_is_the_id_rules_business()
        => Verify.AnalyzersAsync(
            """
            public static class Reserved
            {
                public static Topic Nobody() => Topic.ForUser(new UserId({|#0:""|}));
            }
            """,
            Verify.Diagnostic("LTT0003").WithArguments("new UserId(\"\")", "UserId must not be empty or whitespace"));

    [Fact]
    public Task Fix_subscribes_to_a_pattern_instead()
        => Verify.CodeFixAsync<UseOtherTopicKindCodeFix>(
            """
            public sealed class Rooms(InMemoryBroadcaster broadcaster, LiveTemplate.Typed.Connections.ConnectionRegistry registry)
            {
                public async Task RunAsync(LiveTemplate.Typed.Connections.LocalConnection connection)
                {
                    await broadcaster.SubscribeToTopicAsync(new Topic({|LTT0011:"room/*"|}));
                    await broadcaster.UnsubscribeFromTopicAsync(new({|LTT0011:"room/*"|}));
                    await registry.SubscribeAsync(connection, new Topic({|LTT0011:"*/alice"|}));
                }
            }
            """,
            """
            public sealed class Rooms(InMemoryBroadcaster broadcaster, LiveTemplate.Typed.Connections.ConnectionRegistry registry)
            {
                public async Task RunAsync(LiveTemplate.Typed.Connections.LocalConnection connection)
                {
                    await broadcaster.SubscribeToPatternAsync(new TopicPattern("room/*"));
                    await broadcaster.UnsubscribeFromPatternAsync(new TopicPattern("room/*"));
                    await registry.SubscribeAsync(connection, new TopicPattern("*/alice"));
                }
            }
            """);

    [Fact]
    public Task Fix_turns_a_pattern_without_a_wildcard_into_a_topic()
        => Verify.CodeFixAsync<UseOtherTopicKindCodeFix>(
            """
            public sealed class Rooms(InMemoryBroadcaster broadcaster)
            {
                public Task RunAsync() => broadcaster.SubscribeToPatternAsync(new TopicPattern({|LTT0010:"room/lobby"|}));
            }
            """,
            """
            public sealed class Rooms(InMemoryBroadcaster broadcaster)
            {
                public Task RunAsync() => broadcaster.SubscribeToTopicAsync(new Topic("room/lobby"));
            }
            """);

    [Fact]
    public Task Fix_to_a_pattern_keeps_named_arguments_and_renames_the_one_whose_parameter_changes()
        => Verify.CodeFixAsync<UseOtherTopicKindCodeFix>(
            """
            public sealed class Rooms(InMemoryBroadcaster broadcaster, LiveTemplate.Typed.Connections.ConnectionRegistry registry)
            {
                public async Task RunAsync(LiveTemplate.Typed.Connections.LocalConnection connection, CancellationToken token)
                {
                    await broadcaster.SubscribeToTopicAsync(topic: new Topic(value: {|LTT0011:"room/*"|}));
                    await broadcaster.UnsubscribeFromTopicAsync(ct: token, topic: new({|LTT0011:"room/*"|}));
                    await registry.SubscribeAsync(topic: new Topic({|LTT0011:"*/alice"|}), connection: connection);
                }
            }
            """,
            """
            public sealed class Rooms(InMemoryBroadcaster broadcaster, LiveTemplate.Typed.Connections.ConnectionRegistry registry)
            {
                public async Task RunAsync(LiveTemplate.Typed.Connections.LocalConnection connection, CancellationToken token)
                {
                    await broadcaster.SubscribeToPatternAsync(pattern: new TopicPattern(value: "room/*"));
                    await broadcaster.UnsubscribeFromPatternAsync(ct: token, pattern: new TopicPattern("room/*"));
                    await registry.SubscribeAsync(pattern: new TopicPattern("*/alice"), connection: connection);
                }
            }
            """);

    [Fact]
    public Task Fix_to_a_topic_keeps_named_arguments_and_renames_the_one_whose_parameter_changes()
        => Verify.CodeFixAsync<UseOtherTopicKindCodeFix>(
            """
            public sealed class Rooms(InMemoryBroadcaster broadcaster)
            {
                public Task RunAsync(CancellationToken token) => broadcaster.SubscribeToPatternAsync(ct: token, pattern: new TopicPattern(value: {|LTT0010:"room/lobby"|}));
            }
            """,
            """
            public sealed class Rooms(InMemoryBroadcaster broadcaster)
            {
                public Task RunAsync(CancellationToken token) => broadcaster.SubscribeToTopicAsync(ct: token, topic: new Topic(value: "room/lobby"));
            }
            """);

    [Fact]
    public Task Fix_drops_empty_segments_of_a_named_argument()
        => Verify.CodeFixAsync<RemoveEmptyTopicSegmentsCodeFix>(
            """
            public static class Topics
            {
                public static bool Create(out Topic topic) => Topic.TryCreate(topic: out topic, value: {|LTT0010:"room//1"|});

                public static Topic Other() => new(value: {|LTT0010:"/room/2/"|});
            }
            """,
            """
            public static class Topics
            {
                public static bool Create(out Topic topic) => Topic.TryCreate(topic: out topic, value: "room/1");

                public static Topic Other() => new(value: "room/2");
            }
            """);

    [Fact]
    public Task No_pattern_fix_where_the_value_must_stay_a_topic()
        => Verify.NoCodeFixAsync<UseOtherTopicKindCodeFix>(
            """
            [TopicAction] public sealed partial record RoomNote(string Text);

            public sealed class Rooms(InMemoryBroadcaster broadcaster)
            {
                private readonly Topic _all = new({|LTT0011:"room/*"|});

                public Task PublishAsync() => broadcaster.PublishAsync(new Topic({|LTT0011:"room/*"|}), new RoomNote("hi"));

                public Topic All => _all;
            }
            """);

    [Fact]
    public Task Fix_drops_empty_segments_of_a_literal()
        => Verify.CodeFixAsync<RemoveEmptyTopicSegmentsCodeFix>(
            """
            public static class Topics
            {
                public static void Create()
                {
                    _ = new Topic({|LTT0010:"room//1"|});
                    _ = new Topic({|LTT0010:"/room/1/"|});
                    _ = new TopicPattern({|LTT0010:"room//*/"|});
                }
            }
            """,
            """
            public static class Topics
            {
                public static void Create()
                {
                    _ = new Topic("room/1");
                    _ = new Topic("room/1");
                    _ = new TopicPattern("room/*");
                }
            }
            """);

    [Fact]
    public Task No_segment_fix_for_a_named_constant_or_another_fault()
        => Verify.NoCodeFixAsync<RemoveEmptyTopicSegmentsCodeFix>(
            """
            public static class Topics
            {
                private const string Doubled = "room//1";

                public static void Create()
                {
                    _ = new Topic({|LTT0010:Doubled|});
                    _ = new Topic({|LTT0010:"room//?"|});
                    _ = new Topic({|LTT0010:"//"|});
                }
            }
            """);

    public static TheoryData<string?> Corpus =>
    [
        null, "", "/", "//", "a", "room/42", "room//42", "/room", "room/", "room/*", "*", "*/*", "**", "room/*x", "room/x*",
        "room/?", "room/[ab]", "room\\1", "room/ 1", "room/é", "room/\u0001", "a-b_c/D-9", "lvt:", "lvt:user:", "lvt:user:alice",
        "lvt:user: ", "lvt:session:s-1", "lvt:session:", "lvt:admin", "lvt:user:*", "LVT:user:alice", "room:1",
        new string('a', 512), new string('a', 513), string.Join("/", Enumerable.Repeat("a", 32)), string.Join("/", Enumerable.Repeat("a", 33)),
        string.Join("/", Enumerable.Repeat("*", 33)), "\ud83d\ude00", "room/\ud83d",
    ];

    [Theory]
    [MemberData(nameof(Corpus))]
    public void The_analyzers_grammar_is_the_runtimes(string? value)
    {
        Assert.Equal(LiveTemplate.Typed.Topic.Explain(value), TopicVerdict.Explain(value, TopicKind.Topic));
        Assert.Equal(TopicPattern.Explain(value), TopicVerdict.Explain(value, TopicKind.Pattern));
        Assert.Equal(LiveTemplate.Typed.Topic.TryCreate(value, out _), TopicVerdict.Of(value, TopicKind.Topic) is null);
        Assert.Equal(TopicPattern.TryCreate(value, out _), TopicVerdict.Of(value, TopicKind.Pattern) is null);
    }

    [Fact]
    public void Every_repaired_value_is_one_the_runtime_accepts()
    {
        var repaired = 0;
        foreach (var value in ((IEnumerable<object?[]>)Corpus).Select(row => (string?)row[0]))
        {
            foreach (var kind in new[] { TopicKind.Topic, TopicKind.Pattern })
            {
                if (TopicVerdict.Of(value, kind)?.Repaired is { } fixedValue)
                {
                    Assert.Null(TopicVerdict.Explain(fixedValue, kind));
                    Assert.True(kind == TopicKind.Topic ? LiveTemplate.Typed.Topic.TryCreate(fixedValue, out _) : TopicPattern.TryCreate(fixedValue, out _), fixedValue);
                    repaired++;
                }
            }
        }

        Assert.True(repaired >= 3, $"only {repaired} corpus values were repaired");
    }

    private const string Publish = "a publish goes to one exact topic and publishing to a pattern is refused: publish to each topic the message is for";

    [Fact]
    public Task LTT0010_and_LTT0011_read_TryCreate_by_parameter_with_named_and_reordered_arguments()
        => Verify.AnalyzersAsync(
            """
            public static class Topics
            {
                public static void Create()
                {
                    _ = Topic.TryCreate(topic: out _, value: {|#0:""|});
                    _ = TopicPattern.TryCreate(pattern: out _, value: {|#1:"room/x"|});
                    _ = Topic.TryCreate(value: {|#2:"*"|}, topic: out _);
                }
            }
            """,
            TopicProblem(0, "Topic.TryCreate(\"\")", "A topic must not be empty"),
            PatternProblem(1, "TopicPattern.TryCreate(\"room/x\")", "A topic pattern needs at least one segment that is exactly '*' ('room/x' has none: subscribe to it as a topic)"),
            Verify.Diagnostic("LTT0011", 2).WithArguments("Topic.TryCreate(\"*\")", "*", "subscribe with new TopicPattern(\"*\") to receive every topic it matches"));

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult TopicProblem(int location, string call, string problem)
        => Verify.Diagnostic("LTT0010", location).WithArguments(call, problem, "topic", " (or a connection's own Topic.ForUser/Topic.ForSession)");

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult PatternProblem(int location, string call, string problem)
        => Verify.Diagnostic("LTT0010", location).WithArguments(call, problem, "topic pattern", ", at least one of them exactly '*'");
}
