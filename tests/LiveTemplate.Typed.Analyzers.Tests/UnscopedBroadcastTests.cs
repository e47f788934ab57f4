using LiveTemplate.Typed.Analyzers.Tests.Infrastructure;
using LiveTemplate.Typed.CodeFixes;

namespace LiveTemplate.Typed.Analyzers.Tests;

/// <summary>LTT0001 (global publish without an opt-in), LTT0009 (opt-in without a reason) and the opt-in code fix.</summary>
public class UnscopedBroadcastTests
{
    [Fact]
    public Task LTT0001_a_global_publish_through_IBroadcaster()
        => Verify.AnalyzersAsync(
            """
            public sealed class Announcer(IBroadcaster broadcaster)
            {
                public Task AnnounceAsync(ReadOnlyMemory<byte> payload) => broadcaster.{|#0:PublishGlobalAsync|}(payload);
            }
            """,
            Verify.Diagnostic("LTT0001").WithArguments("PublishGlobalAsync"));

    [Fact]
    public Task LTT0001_every_overload_on_a_concrete_broadcaster_and_a_method_group()
        => Verify.AnalyzersAsync(
            """
            public sealed class Announcer(InMemoryBroadcaster broadcaster)
            {
                public async Task AnnounceAsync(ReadOnlyMemory<byte> payload, string sender, CancellationToken ct)
                {
                    await broadcaster.{|LTT0001:PublishGlobalAsync|}(payload, ct);
                    await broadcaster.{|LTT0001:PublishGlobalAsync|}(payload, excludeConnectionId: sender, ct);
                    Func<ReadOnlyMemory<byte>, CancellationToken, Task> later = broadcaster.{|LTT0001:PublishGlobalAsync|};
                    await later(payload, ct);
                }
            }
            """);

    [Fact]
    public Task LTT0001_in_a_lambda_and_in_top_level_statements()
        => Verify.ProgramAsync(
            """
            IBroadcaster broadcaster = new InMemoryBroadcaster();
            Func<Task> later = () => broadcaster.{|LTT0001:PublishGlobalAsync|}(ReadOnlyMemory<byte>.Empty);
            await later();
            await broadcaster.{|LTT0001:PublishGlobalAsync|}(ReadOnlyMemory<byte>.Empty);
            """);

    [Fact]
    public Task An_opt_in_on_the_program_class_covers_top_level_statements()
        => Verify.ProgramAsync(
            """
            IBroadcaster broadcaster = new InMemoryBroadcaster();
            await broadcaster.PublishGlobalAsync(ReadOnlyMemory<byte>.Empty);

            [AllowGlobalBroadcast("the tool announces to everyone")]
            partial class Program;
            """);

    [Fact]
    public Task Opt_ins_on_the_method_the_type_an_enclosing_type_a_property_a_constructor_and_a_lambda_are_honoured()
        => Verify.AnalyzersAsync(
            """
            public sealed class OnMethod(IBroadcaster broadcaster)
            {
                [AllowGlobalBroadcast("operator announcements")]
                public async Task AnnounceAsync(ReadOnlyMemory<byte> payload)
                {
                    await broadcaster.PublishGlobalAsync(payload);
                    async Task Again() => await broadcaster.PublishGlobalAsync(payload);
                    await Again();
                }
            }

            [AllowGlobalBroadcast("maintenance notices reach everyone")]
            public sealed class OnType(IBroadcaster broadcaster)
            {
                public Task AnnounceAsync(ReadOnlyMemory<byte> payload) => broadcaster.PublishGlobalAsync(payload);
            }

            [AllowGlobalBroadcast("server-wide clock")]
            public sealed partial class Outer
            {
                public sealed class Inner(IBroadcaster broadcaster)
                {
                    public Task TickAsync() => broadcaster.PublishGlobalAsync(ReadOnlyMemory<byte>.Empty);
                }
            }

            public sealed class OnMembers
            {
                private readonly Task _started;

                [AllowGlobalBroadcast("start-up notice")]
                public OnMembers(IBroadcaster broadcaster) => _started = broadcaster.PublishGlobalAsync(ReadOnlyMemory<byte>.Empty);

                [AllowGlobalBroadcast("a property that announces")]
                public Func<IBroadcaster, Task> Announce => b => b.PublishGlobalAsync(ReadOnlyMemory<byte>.Empty);

                public Func<IBroadcaster, Task> Lambda { get; } = [AllowGlobalBroadcast("a marked lambda")] (IBroadcaster b) => b.PublishGlobalAsync(ReadOnlyMemory<byte>.Empty);

                public Task Started => _started;
            }
            """);

    [Fact]
    public Task Scoped_and_typed_publishes_are_not_global()
        => Verify.AnalyzersAsync(
            """
            [GroupAction] public sealed partial record CardMoved(int CardId);

            public sealed class Board(IBroadcaster broadcaster)
            {
                public async Task MoveAsync(GroupId board, UserId user, ReadOnlyMemory<byte> payload)
                {
                    await broadcaster.PublishToGroupAsync(board, payload);
                    await broadcaster.PublishToUserAsync(user, payload);
                    await broadcaster.BroadcastAsync(board, new CardMoved(17));
                }
            }
            """);

    [Fact]
    public Task A_broadcaster_that_passes_its_own_global_publish_on_is_not_the_one_deciding()
        => Verify.AnalyzersAsync(
            """
            public sealed class LoggingBroadcaster(IBroadcaster inner) : IBroadcaster
            {
                public Task PublishGlobalAsync(ReadOnlyMemory<byte> payload, CancellationToken ct = default) => inner.PublishGlobalAsync(payload, ct);
                public Task PublishToGroupAsync(GroupId groupId, ReadOnlyMemory<byte> payload, CancellationToken ct = default) => inner.PublishToGroupAsync(groupId, payload, ct);
                public Task PublishToUserAsync(UserId userId, ReadOnlyMemory<byte> payload, CancellationToken ct = default) => inner.PublishToUserAsync(userId, payload, ct);
                public Task PublishServerActionAsync(UserId userId, string action, ReadOnlyMemory<byte> data, CancellationToken ct = default) => inner.PublishServerActionAsync(userId, action, data, ct);
                public Task PublishGroupActionAsync(GroupId groupId, string action, ReadOnlyMemory<byte> data, CancellationToken ct = default) => inner.PublishGroupActionAsync(groupId, action, data, ct);
                public Task PublishGroupActionAsync(GroupId groupId, string action, ReadOnlyMemory<byte> data, string? excludeConnectionId, CancellationToken ct = default) => inner.PublishGroupActionAsync(groupId, action, data, excludeConnectionId, ct);
                public Task SubscribeAsync(Func<BroadcastMessage, ValueTask> handler, CancellationToken ct = default) => inner.SubscribeAsync(handler, ct);
                public Task SubscribeServerActionsAsync(Func<ServerActionMessage, ValueTask> handler, CancellationToken ct = default) => inner.SubscribeServerActionsAsync(handler, ct);
                public Task SubscribeGroupActionsAsync(Func<GroupActionMessage, ValueTask> handler, CancellationToken ct = default) => inner.SubscribeGroupActionsAsync(handler, ct);
                public ValueTask DisposeAsync() => inner.DisposeAsync();
            }
            """);

    [Fact]
    public Task LTT0009_an_empty_reason_does_not_opt_in()
        => Verify.AnalyzersAsync(
            """
            public sealed class Announcer(IBroadcaster broadcaster)
            {
                [{|LTT0009:AllowGlobalBroadcast("")|}]
                public Task EmptyAsync() => broadcaster.{|LTT0001:PublishGlobalAsync|}(ReadOnlyMemory<byte>.Empty);

                [{|LTT0009:AllowGlobalBroadcast("   ")|}]
                public Task BlankAsync() => broadcaster.{|LTT0001:PublishGlobalAsync|}(ReadOnlyMemory<byte>.Empty);

                [AllowGlobalBroadcast(reason: "shutdown notice")]
                public Task NamedAsync() => broadcaster.PublishGlobalAsync(ReadOnlyMemory<byte>.Empty);
            }
            """);

    [Fact]
    public Task Fix_marks_the_method_and_adds_the_using()
        => Verify.CodeFixAsync<AllowGlobalBroadcastCodeFix>(
            """
            using System;
            using System.Threading.Tasks;

            namespace Shop;

            public sealed class Announcer(LiveTemplate.Typed.PubSub.IBroadcaster broadcaster)
            {
                /// <summary>Tells everyone.</summary>
                public Task AnnounceAsync(ReadOnlyMemory<byte> payload) => broadcaster.{|LTT0001:PublishGlobalAsync|}(payload);
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using LiveTemplate.Typed;

            namespace Shop;

            public sealed class Announcer(LiveTemplate.Typed.PubSub.IBroadcaster broadcaster)
            {
                /// <summary>Tells everyone.</summary>
                [AllowGlobalBroadcast("TODO: say why every connection on every instance must receive this")]
                public Task AnnounceAsync(ReadOnlyMemory<byte> payload) => broadcaster.PublishGlobalAsync(payload);
            }
            """,
            withUsings: false);

    [Fact]
    public Task Fix_can_mark_the_type_instead()
        => Verify.CodeFixAsync<AllowGlobalBroadcastCodeFix>(
            """
            public sealed class Announcer(IBroadcaster broadcaster)
            {
                public Task AnnounceAsync() => broadcaster.{|LTT0001:PublishGlobalAsync|}(ReadOnlyMemory<byte>.Empty);

                public Task RepeatAsync() => broadcaster.{|LTT0001:PublishGlobalAsync|}(ReadOnlyMemory<byte>.Empty);
            }
            """,
            """
            [AllowGlobalBroadcast("TODO: say why every connection on every instance must receive this")]
            public sealed class Announcer(IBroadcaster broadcaster)
            {
                public Task AnnounceAsync() => broadcaster.PublishGlobalAsync(ReadOnlyMemory<byte>.Empty);

                public Task RepeatAsync() => broadcaster.PublishGlobalAsync(ReadOnlyMemory<byte>.Empty);
            }
            """,
            actionIndex: 1);

    [Fact]
    public Task Fix_marks_a_property()
        => Verify.CodeFixAsync<AllowGlobalBroadcastCodeFix>(
            """
            public sealed class Announcer(IBroadcaster broadcaster)
            {
                public Task Announcement => broadcaster.{|LTT0001:PublishGlobalAsync|}(ReadOnlyMemory<byte>.Empty);
            }
            """,
            """
            public sealed class Announcer(IBroadcaster broadcaster)
            {
                [AllowGlobalBroadcast("TODO: say why every connection on every instance must receive this")]
                public Task Announcement => broadcaster.PublishGlobalAsync(ReadOnlyMemory<byte>.Empty);
            }
            """);

    [Fact]
    public Task No_fix_in_top_level_statements_which_have_no_member_to_mark()
        => Verify.NoCodeFixAsync<AllowGlobalBroadcastCodeFix>(
            """
            IBroadcaster broadcaster = new InMemoryBroadcaster();
            await broadcaster.{|LTT0001:PublishGlobalAsync|}(ReadOnlyMemory<byte>.Empty);
            """,
            program: true);
}
