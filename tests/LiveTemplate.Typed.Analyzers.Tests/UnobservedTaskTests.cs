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
}
