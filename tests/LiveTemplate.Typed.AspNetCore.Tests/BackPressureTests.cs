using LiveTemplate.Typed.AspNetCore.Tests.Fixtures;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.Testing;
using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>
/// docs/aspnetcore.md, the event loop: a connection that falls behind on the broadcaster's messages has them dropped once
/// its outbound queue is full (warning 21, once), and nobody else slows down. Which ones are lost is exact: with the
/// default <c>DropIncoming</c> the queue keeps the first <c>OutboundQueueCapacity</c>, in order.
/// </summary>
public sealed class BackPressureTests
{
    private const int Capacity = 4;
    private const int Sent = 12;

    [Fact]
    public async Task A_connection_whose_handler_is_busy_keeps_the_first_messages_of_its_queue_drops_the_rest_with_warning_21_and_its_peer_gets_all()
    {
        await using var app = await TestApp.StartAsync(configure: o => o.OutboundQueueCapacity = Capacity);
        await using var busy = await LiveClient.ConnectAsync(app.Board("behind"));
        await using var peer = await LiveClient.ConnectAsync(app.Board("behind"));
        var board = new GroupId("board:behind");

        // The busy connection's loop is in its handler for 2 s: the broadcaster's messages wait in its queue meanwhile.
        await busy.SendActionAsync("slow", """{"seq":1,"delayMs":2000}""");
        await Eventually.UntilAsync(() => Task.FromResult(app.Probe.Ran.Contains((busy.ConnectionId, "slow"))), LiveClient.Timeout, "the slow action runs");

        // The peer is not slowed down: it gets each message (one at a time, so that its own small queue never fills)
        // while the busy handler still runs.
        var atPeer = new List<string?>();
        for (var i = 0; i < Sent; i++)
        {
            await app.Broadcaster.BroadcastAsync(board, new Posted("n" + i, "server"));
            atPeer.Add((await peer.NextAsync("the peer's message " + i)).Text);
        }

        Assert.Equal(Enumerable.Range(0, Sent).Select(i => "n" + i), atPeer);
        Assert.DoesNotContain(app.Probe.Ran, r => r == (busy.ConnectionId, "posted"));

        var dropped = Assert.Single(app.Log.Entries, e => e.EventId.Id == 21);
        Assert.Equal((LogLevel.Warning, (object?)busy.ConnectionId, (object?)Capacity), (dropped.Level, dropped.Fields["connection_id"], dropped.Fields["capacity"]));

        // Then the busy connection answers its action and gets exactly the first Capacity messages, then live traffic.
        Assert.Equal(1, (await busy.NextAsync("the slow answer")).Data.GetProperty("seq").GetInt32());
        for (var i = 0; i < Capacity; i++)
        {
            Assert.Equal("n" + i, (await busy.NextAsync("kept message " + i)).Text);
        }

        await app.Broadcaster.BroadcastAsync(board, new Posted("after", "server"));
        Assert.Equal("after", (await busy.NextAsync("the next live message")).Text);
    }
}
