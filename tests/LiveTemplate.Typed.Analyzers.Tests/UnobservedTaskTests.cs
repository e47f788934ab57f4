using LiveTemplate.Typed.Analyzers.Tests.Infrastructure;

namespace LiveTemplate.Typed.Analyzers.Tests;

/// <summary>LTT0007: a broadcaster call whose Task is dropped outside async code, and a LiveConnection send whose ValueTask is dropped or discarded.</summary>
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
            Verify.Diagnostic("LTT0007").WithArguments("PublishToGroupAsync", "Task", "PublishFailedException, a rejected id, a lost connection", "await it, or hand it to code that observes it"));

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
                    topics.{|LTT0007:PublishToTopicAsync|}(room, {|LTT0002:"room-note"|}, data);
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

    [Fact]
    public Task LTT0007_live_connection_sends_whose_value_task_is_dropped_in_synchronous_code()
        => Verify.AnalyzersAsync(
            """
            using System.Text.Json.Serialization.Metadata;
            using LiveTemplate.Typed.AspNetCore;

            [ServerAction] public sealed partial record CartUpdated(int Items);

            public sealed class Sender(LiveConnection connection)
            {
                public void Send(ReadOnlyMemory<byte> json, JsonTypeInfo<int> count)
                {
                    connection.{|#0:SendAsync|}(new CartUpdated(1));
                    connection.{|LTT0007:SendAsync|}("count", json);
                    connection.{|LTT0007:SendAsync|}("count", 3, count);
                    connection.{|#1:SendErrorAsync|}("board-full", "The board is full.");
                    connection?.{|LTT0007:SendErrorAsync|}("board-full", "The board is full.");
                    Action later = () => connection.{|LTT0007:SendAsync|}(new CartUpdated(2));
                    later();
                    void Local() => connection.{|LTT0007:SendErrorAsync|}("late", "Too late.");
                    Local();
                }
            }
            """,
            [.. Verify.AspNetCore],
            Verify.Diagnostic("LTT0007", 0).WithArguments(
                "SendAsync",
                "ValueTask",
                "a cancelled send, a value that cannot be written as JSON",
                "await it, exactly once (a discard does not consume a ValueTask); to let it run unobserved, discard its Task instead: _ = connection.SendAsync(...).AsTask()"),
            Verify.Diagnostic("LTT0007", 1).WithArguments(
                "SendErrorAsync",
                "ValueTask",
                "a cancelled send, a value that cannot be written as JSON",
                "await it, exactly once (a discard does not consume a ValueTask); to let it run unobserved, discard its Task instead: _ = connection.SendErrorAsync(...).AsTask()"));

    [Fact]
    public Task LTT0007_a_discarded_or_conditional_send_even_in_async_code_where_the_compiler_says_nothing()
        => Verify.AnalyzersAsync(
            """
            using LiveTemplate.Typed.AspNetCore;

            [ServerAction] public sealed partial record CartUpdated(int Items);

            public sealed class Sender(LiveConnection? connection)
            {
                public async Task SendAsync()
                {
                    _ = connection!.{|LTT0007:SendAsync|}(new CartUpdated(1));
                    _ = connection?.{|LTT0007:SendErrorAsync|}("board-full", "The board is full.");
                    connection?.{|LTT0007:SendAsync|}(new CartUpdated(2));
                    Func<Task> later = async () => connection?.{|LTT0007:SendErrorAsync|}("late", "Too late.");
                    await later();
                }

                public void FireAndForget() => _ = connection!.{|LTT0007:SendAsync|}(new CartUpdated(3));
            }
            """,
            Verify.AspNetCore);

    [Fact]
    public Task Awaited_returned_stored_passed_and_as_task_discarded_sends_are_observed()
        => Verify.AnalyzersAsync(
            """
            using LiveTemplate.Typed.AspNetCore;

            [ServerAction] public sealed partial record CartUpdated(int Items);

            public sealed class Sender(LiveConnection? connection)
            {
                public async Task SendAsync()
                {
                    await connection!.SendAsync(new CartUpdated(1));
                    await connection.SendErrorAsync("board-full", "The board is full.").ConfigureAwait(false);
                    var pending = connection.SendAsync(new CartUpdated(2));
                    await pending;
                    await Observe(connection.SendErrorAsync("late", "Too late."));
                    await (connection?.SendAsync(new CartUpdated(3)) ?? default);
                    _ = connection.SendAsync(new CartUpdated(4)).AsTask();
                }

                public ValueTask Send() => connection!.SendAsync(new CartUpdated(5));

                public void FireAndForget() => _ = connection!.SendErrorAsync("gone", "Gone.").AsTask();

                private static ValueTask Observe(ValueTask send) => send;
            }
            """,
            Verify.AspNetCore);

    [Fact]
    public Task ValueTasks_that_are_not_the_sdk_sends_are_not_reported()
        => Verify.AnalyzersAsync(
            """
            using LiveTemplate.Typed.Connections;

            [ServerAction] public sealed partial record CartUpdated(int Items);

            public sealed class Outbox
            {
                public ValueTask SendAsync(string text) => ValueTask.CompletedTask;
            }

            public sealed partial class CartHandler : IHandle<CartUpdated>
            {
                public ValueTask HandleAsync(CartUpdated action, ActionContext context) => ValueTask.CompletedTask;
            }

            public sealed class Sender(Outbox outbox, IBroadcaster broadcaster, ConnectionRegistry registry, CartHandler handler, ActionContext context)
            {
                public void Send()
                {
                    outbox.SendAsync("hi");
                    _ = outbox.SendAsync("hi");
                    broadcaster.DisposeAsync();
                    _ = broadcaster.DisposeAsync();
                    registry.DisposeAsync();
                    handler.HandleAsync(new CartUpdated(1), context);
                }
            }
            """);

    [Fact]
    public Task LTT0007_is_not_reported_for_a_send_inside_an_expression_tree()
        => Verify.AnalyzersAsync(
            """
            using System.Linq.Expressions;
            using LiveTemplate.Typed.AspNetCore;

            [ServerAction] public sealed partial record CartUpdated(int Items);

            public sealed class Expectations
            {
                public static void Describe(Expression<Action<LiveConnection>> call) { }

                public void Expect()
                {
                    Describe(c => c.SendAsync(new CartUpdated(1), default));
                    Describe(c => c.SendErrorAsync("board-full", "The board is full.", default));
                    Expression<Func<LiveConnection, ValueTask>> send = c => c.SendAsync("count", default(ReadOnlyMemory<byte>), default);
                }
            }
            """,
            Verify.AspNetCore);
}
