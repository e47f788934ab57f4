using LiveTemplate.Typed.Analyzers.Tests.Infrastructure;
using LiveTemplate.Typed.CodeFixes;

namespace LiveTemplate.Typed.Analyzers.Tests;

/// <summary>LTT0002 (raw publish of a typed action), LTT0008 (in the wrong scope) and the typed-publish code fix.</summary>
public class RawActionPublishTests
{
    private const string Actions = """
        [GroupAction] public sealed partial record CardMoved(int CardId, string Column);
        [ServerAction("cart.updated")] public sealed partial record CartUpdated(int Items);
        [ServerAction] public sealed partial record HTMLExported();

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
}
