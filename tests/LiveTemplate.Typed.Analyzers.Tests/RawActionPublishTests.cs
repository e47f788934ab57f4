using LiveTemplate.Typed.Analyzers.Tests.Infrastructure;
using LiveTemplate.Typed.CodeFixes;

namespace LiveTemplate.Typed.Analyzers.Tests;

/// <summary>LTT0002 (raw publish of a typed action, to a user, a group or a topic), LTT0008 (in the wrong scope) and the typed-publish code fix.</summary>
public class RawActionPublishTests
{
    private const string Actions = """
        [GroupAction] public sealed partial record CardMoved(int CardId, string Column);
        [ServerAction("cart.updated")] public sealed partial record CartUpdated(int Items);
        [ServerAction] public sealed partial record HTMLExported();

        """;

    private const string TopicActions = """
        [TopicAction] public sealed partial record RoomNote(string Text);
        [TopicAction("NewMessage")] public sealed partial record NewMessage(string From, int N);
        [TopicAction(Topic = "room/{RoomId}")] public sealed partial record RoomJoined(string RoomId);
        [TopicAction] public sealed partial record RoomCleared;

        """;

    [Fact]
    public Task LTT0002_default_and_explicit_names_and_the_generated_constant()
        => Verify.AnalyzersAsync(
            Actions + """
            public sealed class Sender(IBroadcaster broadcaster)
            {
                public async Task SendAsync(GroupId board, UserId user, ReadOnlyMemory<byte> data)
                {
                    await broadcaster.PublishGroupActionAsync(board, {|#0:"card-moved"|}, data);
                    await broadcaster.PublishServerActionAsync(user, {|#1:"cart.updated"|}, data);
                    await broadcaster.PublishServerActionAsync(user, {|#2:HTMLExported.ActionName|}, data);
                    await broadcaster.PublishGroupActionAsync(board, {|#3:"card-moved"|}, data, excludeConnectionId: "conn-1");
                }
            }
            """,
            Verify.Diagnostic("LTT0002", 0).WithArguments("card-moved", "CardMoved", "BroadcastAsync", "CardMoved"),
            Verify.Diagnostic("LTT0002", 1).WithArguments("cart.updated", "CartUpdated", "TriggerAsync", "CartUpdated"),
            Verify.Diagnostic("LTT0002", 2).WithArguments("html-exported", "HTMLExported", "TriggerAsync", "HTMLExported"),
            Verify.Diagnostic("LTT0002", 3).WithArguments("card-moved", "CardMoved", "BroadcastAsync", "CardMoved"));

    [Fact]
    public Task LTT0002_a_typed_action_of_a_referenced_contracts_assembly()
        => Verify.AnalyzersAsync(
            """
            public sealed class Sender(IBroadcaster broadcaster)
            {
                public Task SendAsync(GroupId board, ReadOnlyMemory<byte> data) => broadcaster.PublishGroupActionAsync(board, {|LTT0002:"card-moved"|}, data);

                public Task HiddenAsync(GroupId board, ReadOnlyMemory<byte> data) => broadcaster.PublishGroupActionAsync(board, "card-hidden", data);
            }
            """,
            [Contracts.Compile(
                """
                namespace Boards;
                [GroupAction] public sealed partial record CardMoved(int CardId);
                [GroupAction] internal sealed partial record CardHidden(int CardId);
                """)]);

    [Fact]
    public Task LTT0008_an_action_name_published_in_the_other_scope()
        => Verify.AnalyzersAsync(
            Actions + """
            public sealed class Sender(IBroadcaster broadcaster)
            {
                public async Task SendAsync(GroupId board, UserId user, ReadOnlyMemory<byte> data)
                {
                    await broadcaster.PublishServerActionAsync(user, {|#0:"card-moved"|}, data);
                    await broadcaster.PublishGroupActionAsync(board, {|#1:"cart.updated"|}, data);
                }
            }
            """,
            Verify.Diagnostic("LTT0008", 0).WithArguments("card-moved", "group action", "CardMoved", "PublishServerActionAsync", "server action", "BroadcastAsync", "GroupId"),
            Verify.Diagnostic("LTT0008", 1).WithArguments("cart.updated", "server action", "CartUpdated", "PublishGroupActionAsync", "group action", "TriggerAsync", "UserId"));

    [Fact]
    public Task Names_without_a_visible_typed_action_and_names_that_are_not_constants_are_not_reported()
        => Verify.AnalyzersAsync(
            Actions + """
            public sealed class Sender(IBroadcaster broadcaster)
            {
                public async Task SendAsync(GroupId board, string action, ReadOnlyMemory<byte> data)
                {
                    await broadcaster.PublishGroupActionAsync(board, "go-only-action", data);
                    await broadcaster.PublishGroupActionAsync(board, action, data);
                    await broadcaster.BroadcastAsync(board, new CardMoved(17, "done"));
                }
            }
            """);

    [Fact]
    public Task Fix_passes_the_action_that_was_serialized()
        => Verify.CodeFixAsync<UseTypedPublishCodeFix>(
            Actions + """
            public sealed class Sender(IBroadcaster broadcaster)
            {
                public Task SendAsync(GroupId board, CardMoved moved, CancellationToken ct)
                    => broadcaster.PublishGroupActionAsync(board, {|LTT0002:"card-moved"|}, LiveTemplate.Typed.Actions.ActionJson.SerializeToUtf8Bytes(moved), ct);
            }
            """,
            Actions + """
            public sealed class Sender(IBroadcaster broadcaster)
            {
                public Task SendAsync(GroupId board, CardMoved moved, CancellationToken ct)
                    => broadcaster.BroadcastAsync(board, moved, ct);
            }
            """);

    [Fact]
    public Task Fix_turns_empty_data_into_an_action_without_values_and_keeps_the_exclusion()
        => Verify.CodeFixAsync<UseTypedPublishCodeFix>(
            Actions + """
            [GroupAction] public sealed partial record BoardRefreshed;

            public sealed class Sender(IBroadcaster broadcaster)
            {
                public async Task SendAsync(UserId user, GroupId board, string sender)
                {
                    await broadcaster.PublishServerActionAsync(user, {|LTT0002:"html-exported"|}, ReadOnlyMemory<byte>.Empty);
                    await broadcaster.PublishGroupActionAsync(board, {|LTT0002:"board-refreshed"|}, "{}"u8.ToArray(), sender);
                }
            }
            """,
            Actions + """
            [GroupAction] public sealed partial record BoardRefreshed;

            public sealed class Sender(IBroadcaster broadcaster)
            {
                public async Task SendAsync(UserId user, GroupId board, string sender)
                {
                    await broadcaster.TriggerAsync(user, new HTMLExported());
                    await broadcaster.BroadcastAsync(board, new BoardRefreshed(), sender);
                }
            }
            """);

    [Fact]
    public Task Fix_writes_placeholders_for_data_it_cannot_map_and_adds_the_using()
        => Verify.CodeFixAsync<UseTypedPublishCodeFix>(
            """
            using System.Threading.Tasks;
            using LiveTemplate.Typed.PubSub;

            namespace Boards
            {
                [LiveTemplate.Typed.GroupAction] public sealed partial record CardMoved(int CardId, string Column);

                public sealed class Sender(IBroadcaster broadcaster)
                {
                    public Task SendAsync(LiveTemplate.Typed.GroupId board)
                        => broadcaster.PublishGroupActionAsync(board, {|LTT0002:"card-moved"|}, "{\"cardId\":17}"u8.ToArray());
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using LiveTemplate.Typed.PubSub;
            using LiveTemplate.Typed;

            namespace Boards
            {
                [LiveTemplate.Typed.GroupAction] public sealed partial record CardMoved(int CardId, string Column);

                public sealed class Sender(IBroadcaster broadcaster)
                {
                    public Task SendAsync(LiveTemplate.Typed.GroupId board)
                        => broadcaster.BroadcastAsync(board, new CardMoved(CardId: default, Column: default!));
                }
            }
            """,
            withUsings: false);

    [Fact]
    public Task No_fix_when_the_action_cannot_be_constructed_here()
        => Verify.NoCodeFixAsync<UseTypedPublishCodeFix>(
            """
            public sealed class Sender(IBroadcaster broadcaster)
            {
                public Task SendAsync(GroupId board, ReadOnlyMemory<byte> data) => broadcaster.PublishGroupActionAsync(board, {|LTT0002:"sealed-move"|}, data);
            }
            """,
            [Contracts.Compile(
                """
                namespace Boards;
                [GroupAction]
                public sealed partial record SealedMove
                {
                    internal SealedMove(int cardId) => CardId = cardId;
                    public int CardId { get; init; }
                }
                """)]);

    [Fact]
    public Task Fix_keeps_comments_blank_lines_and_the_layout_of_the_call()
        => Verify.CodeFixAsync<UseTypedPublishCodeFix>(
            Actions + """
            public sealed class Sender(IBroadcaster broadcaster)
            {
                public async Task SendAsync(GroupId board, ReadOnlyMemory<byte> data, string sender, CancellationToken ct)
                {
                    // Tell the board.

                    await /* raw */ broadcaster.PublishGroupActionAsync( // one board
                        board, // where
                        {|LTT0002:"card-moved"|} /* what */,
                        data, // the bytes
                        sender, // not back to the sender
                        ct); // end

                    await broadcaster.PublishGroupActionAsync(board, {|LTT0002:"card-moved"|}, data) // last
                        .ConfigureAwait(false);
                }
            }
            """,
            Actions + """
            public sealed class Sender(IBroadcaster broadcaster)
            {
                public async Task SendAsync(GroupId board, ReadOnlyMemory<byte> data, string sender, CancellationToken ct)
                {
                    // Tell the board.

                    await /* raw */ broadcaster.BroadcastAsync( // one board
                        board, // where
                        new CardMoved(CardId: default, Column: default!) /* what */,
                        sender, // not back to the sender
                        ct); // end

                    await broadcaster.BroadcastAsync(board, new CardMoved(CardId: default, Column: default!)) // last
                        .ConfigureAwait(false);
                }
            }
            """);

    [Fact]
    public Task Fix_sets_required_members_with_placeholders_so_the_result_compiles()
        => Verify.CodeFixAsync<UseTypedPublishCodeFix>(
            """
            [GroupAction]
            public sealed partial record CardMoved
            {
                public required int CardId { get; init; }
                public required string Column { get; init; }
                public string? Note { get; init; }
            }

            [GroupAction]
            public sealed partial record CardTagged(int CardId)
            {
                public required string Tag { get; init; }
            }

            public sealed class Sender(IBroadcaster broadcaster)
            {
                public async Task SendAsync(GroupId board)
                {
                    await broadcaster.PublishGroupActionAsync(board, {|LTT0002:"card-moved"|}, ReadOnlyMemory<byte>.Empty);
                    await broadcaster.PublishGroupActionAsync(board, {|LTT0002:"card-tagged"|}, "{}"u8.ToArray());
                }
            }
            """,
            """
            [GroupAction]
            public sealed partial record CardMoved
            {
                public required int CardId { get; init; }
                public required string Column { get; init; }
                public string? Note { get; init; }
            }

            [GroupAction]
            public sealed partial record CardTagged(int CardId)
            {
                public required string Tag { get; init; }
            }

            public sealed class Sender(IBroadcaster broadcaster)
            {
                public async Task SendAsync(GroupId board)
                {
                    await broadcaster.BroadcastAsync(board, new CardMoved() { CardId = default, Column = default! });
                    await broadcaster.BroadcastAsync(board, new CardTagged(CardId: default) { Tag = default! });
                }
            }
            """);

    [Fact]
    public async Task Fix_with_required_members_says_that_values_are_to_be_filled_in()
    {
        var titles = await CodeActions.FixTitlesAsync<UseTypedPublishCodeFix>(
            Verify.Usings + """
            [GroupAction]
            public sealed partial record CardMoved
            {
                public required int CardId { get; init; }
            }

            public sealed class Sender(IBroadcaster broadcaster)
            {
                public Task SendAsync(GroupId board) => broadcaster.PublishGroupActionAsync(board, "card-moved", ReadOnlyMemory<byte>.Empty);
            }
            """,
            "LTT0002",
            new LiveTemplate.Typed.Analyzers.RawActionPublishAnalyzer());
        Assert.Equal(["Use BroadcastAsync with new CardMoved(...) (fill in its values from the data)"], titles);
    }

    [Fact]
    public Task LTT0002_a_raw_topic_publish_of_a_typed_topic_action()
        => Verify.AnalyzersAsync(
            TopicActions + """
            public sealed class Sender(ITopicBroadcaster topics, InMemoryBroadcaster broadcaster, ITopicBroadcaster? maybe)
            {
                public async Task SendAsync(Topic room, ReadOnlyMemory<byte> data, CancellationToken ct)
                {
                    await topics.PublishToTopicAsync(room, {|#0:"room-note"|}, data);
                    await topics.PublishToTopicAsync(room, {|#1:"NewMessage"|}, data, ct);
                    await broadcaster.PublishToTopicAsync(room, {|#2:RoomJoined.ActionName|}, data);
                    await (maybe?.PublishToTopicAsync(room, {|#3:"room-cleared"|}, data) ?? Task.CompletedTask);
                }
            }
            """,
            Verify.Diagnostic("LTT0002", 0).WithArguments("room-note", "RoomNote", "PublishAsync", "RoomNote"),
            Verify.Diagnostic("LTT0002", 1).WithArguments("NewMessage", "NewMessage", "PublishAsync", "NewMessage"),
            Verify.Diagnostic("LTT0002", 2).WithArguments("room-joined", "RoomJoined", "PublishAsync", "RoomJoined"),
            Verify.Diagnostic("LTT0002", 3).WithArguments("room-cleared", "RoomCleared", "PublishAsync", "RoomCleared"));

    [Fact]
    public Task LTT0002_a_raw_topic_publish_of_a_topic_action_of_a_referenced_contracts_assembly()
        => Verify.AnalyzersAsync(
            """
            public sealed class Sender(ITopicBroadcaster topics)
            {
                public Task SendAsync(Topic room, ReadOnlyMemory<byte> data) => topics.PublishToTopicAsync(room, {|LTT0002:"room-note"|}, data);

                public Task HiddenAsync(Topic room, ReadOnlyMemory<byte> data) => topics.PublishToTopicAsync(room, "room-hidden", data);
            }
            """,
            [Contracts.Compile(
                """
                namespace Rooms;
                [TopicAction] public sealed partial record RoomNote(string Text);
                [TopicAction] internal sealed partial record RoomHidden(string Text);
                """)]);

    [Fact]
    public Task Topic_publishes_of_names_without_a_typed_topic_action_are_not_reported()
        => Verify.AnalyzersAsync(
            Actions + TopicActions + """
            public sealed class Sender(ITopicBroadcaster topics, IBroadcaster broadcaster)
            {
                public async Task SendAsync(Topic room, GroupId board, UserId user, string action, ReadOnlyMemory<byte> data)
                {
                    await topics.PublishToTopicAsync(room, "go-only-action", data);
                    await topics.PublishToTopicAsync(room, action, data);
                    await topics.PublishToTopicAsync(room, "card-moved", data);
                    await topics.PublishToTopicAsync(room, "cart.updated", data);
                    await broadcaster.PublishGroupActionAsync(board, "room-note", data);
                    await broadcaster.PublishServerActionAsync(user, "room-note", data);
                    await topics.PublishAsync(room, new RoomNote("hi"));
                    System.Linq.Expressions.Expression<Func<ITopicBroadcaster, Task>> described = t => t.PublishToTopicAsync(room, "room-note", data, default);
                }
            }
            """);

    [Fact]
    public Task Fix_rewrites_a_raw_topic_publish_to_the_typed_topic_publish_keeping_the_topic_and_the_token()
        => Verify.CodeFixAsync<UseTypedPublishCodeFix>(
            TopicActions + """
            public sealed class Sender(ITopicBroadcaster topics)
            {
                public async Task SendAsync(Topic room, RoomNote note, CancellationToken ct)
                {
                    await topics.PublishToTopicAsync(room, {|LTT0002:"room-note"|}, LiveTemplate.Typed.Actions.ActionJson.SerializeToUtf8Bytes(note), ct);
                    await topics.PublishToTopicAsync(room, {|LTT0002:"room-cleared"|}, ReadOnlyMemory<byte>.Empty);
                }
            }
            """,
            TopicActions + """
            public sealed class Sender(ITopicBroadcaster topics)
            {
                public async Task SendAsync(Topic room, RoomNote note, CancellationToken ct)
                {
                    await topics.PublishAsync(room, note, ct);
                    await topics.PublishAsync(room, new RoomCleared());
                }
            }
            """);

    [Fact]
    public Task Fix_of_a_topic_publish_writes_placeholders_and_keeps_the_written_topic_of_a_templated_action()
        => Verify.CodeFixAsync<UseTypedPublishCodeFix>(
            TopicActions + """
            public sealed class Sender(ITopicBroadcaster? maybe)
            {
                public async Task SendAsync(Topic room, CancellationToken ct)
                {
                    await maybe!.PublishToTopicAsync(new Topic("room/7"), {|LTT0002:"room-joined"|}, "{\"roomId\":\"7\"}"u8.ToArray());
                    await (maybe?.PublishToTopicAsync(room, {|LTT0002:"NewMessage"|}, default, ct) ?? Task.CompletedTask);
                }
            }
            """,
            TopicActions + """
            public sealed class Sender(ITopicBroadcaster? maybe)
            {
                public async Task SendAsync(Topic room, CancellationToken ct)
                {
                    await maybe!.PublishAsync(new Topic("room/7"), new RoomJoined(RoomId: default!));
                    await (maybe?.PublishAsync(room, new NewMessage(From: default!, N: default), ct) ?? Task.CompletedTask);
                }
            }
            """);

    [Fact]
    public Task Fix_of_a_topic_publish_adds_the_using_the_typed_publish_needs()
        => Verify.CodeFixAsync<UseTypedPublishCodeFix>(
            """
            using System;
            using System.Threading.Tasks;
            using LiveTemplate.Typed.PubSub;

            namespace Rooms
            {
                [LiveTemplate.Typed.TopicAction] public sealed partial record RoomNote(string Text);

                public sealed class Sender(ITopicBroadcaster topics)
                {
                    public Task SendAsync(LiveTemplate.Typed.Topic room, RoomNote note)
                        => topics.PublishToTopicAsync(room, {|LTT0002:"room-note"|}, LiveTemplate.Typed.Actions.ActionJson.SerializeToUtf8Bytes(note));
                }
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using LiveTemplate.Typed.PubSub;
            using LiveTemplate.Typed;

            namespace Rooms
            {
                [LiveTemplate.Typed.TopicAction] public sealed partial record RoomNote(string Text);

                public sealed class Sender(ITopicBroadcaster topics)
                {
                    public Task SendAsync(LiveTemplate.Typed.Topic room, RoomNote note)
                        => topics.PublishAsync(room, note);
                }
            }
            """,
            withUsings: false);

    [Fact]
    public Task No_fix_when_the_receiver_has_a_publish_of_its_own_that_the_typed_call_would_bind_to()
        => Verify.NoCodeFixAsync<UseTypedPublishCodeFix>(
            TopicActions + """
            public sealed class AuditedTopics(ITopicBroadcaster inner) : ITopicBroadcaster
            {
                public Task PublishToTopicAsync(Topic topic, string action, ReadOnlyMemory<byte> data, CancellationToken ct = default)
                    => inner.PublishToTopicAsync(topic, action, data, ct);

                public Task SubscribeTopicActionsAsync(Func<TopicActionMessage, ValueTask> handler, CancellationToken ct = default)
                    => inner.SubscribeTopicActionsAsync(handler, ct);

                // Not the typed publish: an instance method wins over the extension, and this one audits an object.
                public Task PublishAsync(Topic topic, object entry, CancellationToken ct = default) => Task.CompletedTask;
            }

            public sealed class Sender(AuditedTopics topics)
            {
                public Task SendAsync(Topic room, ReadOnlyMemory<byte> data) => topics.PublishToTopicAsync(room, {|LTT0002:"room-note"|}, data);
            }
            """);

    [Fact]
    public async Task Fix_of_a_topic_publish_says_it_uses_PublishAsync()
    {
        var titles = await CodeActions.FixTitlesAsync<UseTypedPublishCodeFix>(
            Verify.Usings + TopicActions + """
            public sealed class Sender(ITopicBroadcaster topics)
            {
                public Task SendAsync(Topic room, RoomNote note)
                    => topics.PublishToTopicAsync(room, "room-note", LiveTemplate.Typed.Actions.ActionJson.SerializeToUtf8Bytes(note));
            }
            """,
            "LTT0002",
            new LiveTemplate.Typed.Analyzers.RawActionPublishAnalyzer());
        Assert.Equal(["Use PublishAsync with the typed action 'RoomNote'"], titles);
    }
}
