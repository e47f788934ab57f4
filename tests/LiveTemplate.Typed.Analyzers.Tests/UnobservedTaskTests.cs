using LiveTemplate.Typed.Analyzers.Tests.Infrastructure;

namespace LiveTemplate.Typed.Analyzers.Tests;

/// <summary>LTT0007: a broadcaster call whose Task is dropped outside async code.</summary>
public class UnobservedTaskTests
{
    [Fact]
    public Task LTT0007_a_publish_used_as_a_statement_in_synchronous_code()
        => Verify.AnalyzersAsync(
            """
            [GroupAction] public sealed partial record CardMoved(int CardId);

            public sealed class Sender(IBroadcaster? broadcaster)
            {
                public void Send(GroupId board, ReadOnlyMemory<byte> payload)
                {
                    broadcaster!.{|#0:PublishToGroupAsync|}(board, payload);
                    broadcaster?.{|LTT0007:BroadcastAsync|}(board, new CardMoved(1));
                    Action later = () => broadcaster!.{|LTT0007:PublishToGroupAsync|}(board, payload);
                    later();
                }
            }
            """,
            Verify.Diagnostic("LTT0007").WithArguments("PublishToGroupAsync"));

    [Fact]
    public Task Awaited_returned_stored_and_explicitly_discarded_tasks_are_observed()
        => Verify.AnalyzersAsync(
            """
            public sealed class Sender(IBroadcaster broadcaster)
            {
                public async Task SendAsync(GroupId board, ReadOnlyMemory<byte> payload)
                {
                    await broadcaster.PublishToGroupAsync(board, payload);
                    var pending = broadcaster.PublishToGroupAsync(board, payload);
                    await pending;
                    await Task.WhenAll(broadcaster.PublishToGroupAsync(board, payload));
                    await broadcaster.DisposeAsync();
                }

                public Task Send(GroupId board, ReadOnlyMemory<byte> payload) => broadcaster.PublishToGroupAsync(board, payload);

                public void FireAndForget(GroupId board, ReadOnlyMemory<byte> payload) => _ = broadcaster.PublishToGroupAsync(board, payload);

                public void Dispose() => broadcaster.DisposeAsync();
            }
            """);

    [Fact]
    public Task LTT0007_topic_publishes_used_as_statements_in_synchronous_code()
        => Verify.AnalyzersAsync(
            """
            [TopicAction] public sealed partial record RoomNote(string Text);
            [TopicAction(Topic = "room/{RoomId}")] public sealed partial record RoomJoined(string RoomId);

            public sealed class Sender(ITopicBroadcaster topics)
            {
                public void Send(Topic room, ReadOnlyMemory<byte> data)
                {
                    topics.{|LTT0007:PublishAsync|}(room, new RoomNote("hi"));
                    topics.{|LTT0007:PublishAsync|}(new RoomJoined("r1"));
                    topics.{|LTT0007:PublishToTopicAsync|}(room, "room-note", data);
                    topics.{|LTT0007:SubscribeTopicActionsAsync|}(_ => ValueTask.CompletedTask);
                }

                public Task Observed(Topic room) => topics.PublishAsync(room, new RoomNote("hi"));
            }
            """);

    [Fact]
    public Task LTT0007_a_conditional_access_call_in_async_code_where_the_compiler_says_nothing()
        => Verify.AnalyzersAsync(
            """
            [GroupAction] public sealed partial record CardMoved(int CardId);
            [TopicAction] public sealed partial record RoomNote(string Text);

            public sealed class Sender(IBroadcaster? broadcaster, ITopicBroadcaster? topics)
            {
                public async Task SendAsync(GroupId board, Topic room, ReadOnlyMemory<byte> payload)
                {
                    broadcaster?.{|LTT0007:PublishToGroupAsync|}(board, payload);
                    broadcaster?.{|LTT0007:BroadcastAsync|}(board, new CardMoved(1));
                    topics?.{|LTT0007:PublishAsync|}(room, new RoomNote("hi"));
                    Func<Task> later = async () => broadcaster?.{|LTT0007:PublishToGroupAsync|}(board, payload);
                    await later();
                    await (broadcaster?.PublishToGroupAsync(board, payload) ?? Task.CompletedTask);
                    _ = broadcaster?.PublishToGroupAsync(board, payload);
                }
            }
            """);

    [Fact]
    public Task LTT0007_is_not_reported_inside_an_expression_tree_which_describes_a_call_and_makes_none()
        => Verify.AnalyzersAsync(
            """
            using System.Linq.Expressions;

            public sealed class Expectations
            {
                public static void Describe(Expression<Action<IBroadcaster>> call) { }

                public void Expect(GroupId board, ReadOnlyMemory<byte> payload)
                {
                    Describe(b => b.PublishToGroupAsync(board, payload, default));
                    Expression<Action<ITopicBroadcaster>> topic = t => t.PublishToTopicAsync(new Topic("room/1"), "note", payload, default);
                }
            }
            """);

    [Fact]
    public Task LTT0007_live_connection_publishes_used_as_statements_in_synchronous_code()
        => Verify.AnalyzersAsync(
            """
            using LiveTemplate.Typed.AspNetCore;

            [GroupAction] public sealed partial record CardMoved(int CardId);
            [TopicAction] public sealed partial record RoomNote(string Text);
            [TopicAction(Topic = "room/{RoomId}")] public sealed partial record RoomJoined(string RoomId);

            public sealed class Sender(LiveConnection connection)
            {
                public void Send(Topic room)
                {
                    connection.{|LTT0007:PublishAsync|}(room, new RoomNote("hi"));
                    connection.{|LTT0007:PublishAsync|}(new RoomJoined("r1"));
                    connection.{|LTT0007:BroadcastToGroupAsync|}(new CardMoved(1));
                    connection.{|LTT0007:SubscribeAsync|}(room);
                    _ = connection.PublishAsync(room, new RoomNote("hi"));
                }

                public async Task SendAsync(Topic room)
                {
                    await connection.PublishAsync(room, new RoomNote("hi"));
                    connection?.{|LTT0007:BroadcastToGroupAsync|}(new CardMoved(1));
                }
            }
            """,
            Verify.AspNetCore);
}
