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
}
