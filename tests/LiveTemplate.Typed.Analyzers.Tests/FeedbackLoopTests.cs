using LiveTemplate.Typed.Analyzers.Tests.Infrastructure;

namespace LiveTemplate.Typed.Analyzers.Tests;

/// <summary>LTT0005: a handler that publishes the action it handles.</summary>
public class FeedbackLoopTests
{
    private const string Actions = """
        [GroupAction] public sealed partial record CardMoved(int CardId);
        [GroupAction] public sealed partial record CardArchived(int CardId);
        [ServerAction] public sealed partial record CartUpdated(int Items);

        """;

    [Fact]
    public Task LTT0005_a_handler_that_broadcasts_its_own_action()
        => Verify.AnalyzersAsync(
            Actions + """
            public sealed partial class BoardHandler(IBroadcaster broadcaster) : IHandle<CardMoved>
            {
                public async ValueTask HandleAsync(CardMoved action, ActionContext context)
                    => await broadcaster.{|#0:BroadcastAsync|}(context.GroupId!.Value, action with { CardId = action.CardId + 1 }, context.Connection?.Id);
            }
            """,
            Verify.Diagnostic("LTT0005").WithArguments("CardMoved"));

    [Fact]
    public Task LTT0005_explicit_implementations_lambdas_and_raw_publishes_by_name()
        => Verify.AnalyzersAsync(
            Actions + """
            public sealed partial class CartHandler(IBroadcaster broadcaster) : IHandle<CartUpdated>, IHandle<CardMoved>
            {
                async ValueTask IHandle<CartUpdated>.HandleAsync(CartUpdated action, ActionContext context)
                {
                    Func<Task> again = () => broadcaster.{|LTT0005:TriggerAsync|}(context.UserId!.Value, action);
                    await again();
                }

                public async ValueTask HandleAsync(CardMoved action, ActionContext context)
                    => await broadcaster.{|LTT0005:PublishGroupActionAsync|}(context.GroupId!.Value, {|LTT0002:"card-moved"|}, ReadOnlyMemory<byte>.Empty);
            }
            """);

    [Fact]
    public Task Publishing_another_action_or_from_outside_the_handler_is_not_a_loop()
        => Verify.AnalyzersAsync(
            Actions + """
            public sealed partial class BoardHandler(IBroadcaster broadcaster) : IHandle<CardMoved>, IHandle<CardArchived>
            {
                public async ValueTask HandleAsync(CardMoved action, ActionContext context)
                    => await broadcaster.BroadcastAsync(context.GroupId!.Value, new CardArchived(action.CardId));

                public async ValueTask HandleAsync(CardArchived action, ActionContext context)
                    => await broadcaster.BroadcastAsync(context.GroupId!.Value, new CardMoved(action.CardId));

                public Task MoveAsync(GroupId board, int cardId) => broadcaster.BroadcastAsync(board, new CardMoved(cardId));
            }

            public sealed class NotAHandler(IBroadcaster broadcaster)
            {
                public async ValueTask HandleAsync(CardMoved action, ActionContext context)
                    => await broadcaster.BroadcastAsync(context.GroupId!.Value, action);
            }
            """);

    [Fact]
    public Task LTT0005_a_handler_of_a_topic_action_that_publishes_it_again()
        => Verify.AnalyzersAsync(
            """
            [TopicAction] public sealed partial record RoomNote(string Text);
            [TopicAction(Topic = "room/{RoomId}")] public sealed partial record RoomJoined(string RoomId);
            [TopicAction("room-left")] public sealed partial record RoomLeft(string RoomId);

            public sealed partial class RoomHandler(ITopicBroadcaster topics) : IHandle<RoomNote>, IHandle<RoomJoined>, IHandle<RoomLeft>
            {
                public async ValueTask HandleAsync(RoomNote action, ActionContext context)
                    => await topics.{|LTT0005:PublishAsync|}(new Topic("room/1"), action);

                public async ValueTask HandleAsync(RoomJoined action, ActionContext context)
                {
                    await topics.{|LTT0005:PublishAsync|}(action with { RoomId = "r2" });
                    await topics.PublishAsync(new Topic("room/1"), new RoomNote("joined"));
                }

                public async ValueTask HandleAsync(RoomLeft action, ActionContext context)
                {
                    await topics.{|LTT0005:PublishToTopicAsync|}(new Topic("room/1"), {|LTT0002:"room-left"|}, ReadOnlyMemory<byte>.Empty);
                    await topics.PublishToTopicAsync(new Topic("room/1"), {|LTT0002:"room-note"|}, ReadOnlyMemory<byte>.Empty);
                }
            }
            """);

    [Fact]
    public Task LTT0005_a_handler_that_publishes_its_own_action_through_its_live_connection()
        => Verify.AnalyzersAsync(
            """
            using LiveTemplate.Typed.AspNetCore;

            [GroupAction] public sealed partial record CardMoved(int CardId);
            [TopicAction] public sealed partial record RoomNote(string Text);
            [TopicAction(Topic = "room/{RoomId}")] public sealed partial record RoomJoined(string RoomId);

            public sealed partial class BrowserHandler(LiveConnection connection) : IHandle<CardMoved>, IHandle<RoomNote>, IHandle<RoomJoined>
            {
                public async ValueTask HandleAsync(CardMoved action, ActionContext context)
                    => await connection.{|LTT0005:BroadcastToGroupAsync|}(action);

                public async ValueTask HandleAsync(RoomNote action, ActionContext context)
                    => await connection.{|LTT0005:PublishAsync|}(new Topic("room/1"), action);

                public async ValueTask HandleAsync(RoomJoined action, ActionContext context)
                {
                    await connection.{|LTT0005:PublishAsync|}(action);
                    await connection.PublishAsync(new Topic("room/1"), new RoomNote("joined"));
                    await connection.SendAsync(action);
                }
            }
            """,
            Verify.AspNetCore);
}
