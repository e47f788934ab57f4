using System.Net.WebSockets;
using System.Text;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>
/// A browser that closes (or vanishes) while its handler runs: what it sent before still runs, and an action waiting on
/// its token is cancelled <see cref="LiveTemplateOptions.CloseTimeout"/> later, so that the connection ends.
/// </summary>
public sealed class BrowserLeavesTests
{
    [Fact]
    public async Task A_browser_that_closes_while_an_action_waits_on_its_token_has_it_cancelled_after_CloseTimeout_and_the_connection_ends()
    {
        await using var app = await TestApp.StartAsync(configure: o => o.CloseTimeout = TimeSpan.FromSeconds(1));
        var client = await LiveClient.ConnectAsync(app.Board("hang"));
        var id = client.ConnectionId;
        await client.SendActionAsync("hang", "{}");
        await Eventually.UntilAsync(() => Task.FromResult(app.Probe.Ran.Contains((id, "hang"))), LiveClient.Timeout, "the waiting action runs");

        await client.DisposeAsync();

        await Eventually.UntilAsync(() => Task.FromResult(app.Probe.Cancelled.Contains(id)), LiveClient.Timeout, "the waiting action's token is cancelled");
        await Eventually.UntilAsync(() => Task.FromResult(app.Probe.Disconnected.Contains(id)), LiveClient.Timeout, "OnDisconnectedAsync ran");
        await Eventually.UntilAsync(() => Task.FromResult(app.Log.Entries.Any(e => e.EventId.Id == 101 && Equals(e.Fields["connection_id"], id))), LiveClient.Timeout, "the connection closed (101)");
        Assert.Equal(1000, app.Log.Entries.First(e => e.EventId.Id == 101 && Equals(e.Fields["connection_id"], id)).Fields["close_status"]);
    }

    [Fact]
    public async Task A_browser_that_vanishes_behind_a_full_inbox_while_an_action_waits_on_its_token_has_it_cancelled_too()
    {
        await using var app = await TestApp.StartAsync(configure: o => o.CloseTimeout = TimeSpan.FromSeconds(1));
        using var socket = new ClientWebSocket();
        using (var bound = new CancellationTokenSource(LiveClient.Timeout))
        {
            await socket.ConnectAsync(app.Board("stuck"), bound.Token);
        }

        await SendAsync(socket, "{\"action\":\"hang\",\"data\":{}}");
        await Eventually.UntilAsync(() => Task.FromResult(app.Probe.Ran.Any(r => r.Action == "hang")), LiveClient.Timeout, "the waiting action runs");
        var id = app.Probe.Ran.First(r => r.Action == "hang").ConnectionId;

        // More than the connection's inbox holds (within the rate limit's burst): its reader waits to queue them.
        for (var i = 0; i < 36; i++)
        {
            await SendAsync(socket, "{\"action\":\"post\",\"data\":{\"text\":\"queued\"}}");
        }

        // Its close waits behind the frames its connection's reader cannot queue; then it gives up and drops the connection.
        using (var bound = new CancellationTokenSource(LiveClient.Timeout))
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", bound.Token);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(300));
        socket.Abort();

        await Eventually.UntilAsync(() => Task.FromResult(app.Probe.Cancelled.Contains(id)), LiveClient.Timeout, "the waiting action's token is cancelled");
        await Eventually.UntilAsync(() => Task.FromResult(app.Probe.Disconnected.Contains(id)), LiveClient.Timeout, "OnDisconnectedAsync ran");
    }

    [Fact]
    public async Task What_a_browser_sent_just_before_it_closed_still_runs_in_order()
    {
        await using var app = await TestApp.StartAsync();
        await using var peer = await LiveClient.ConnectAsync(app.Board("last-words"));
        var client = await LiveClient.ConnectAsync(app.Board("last-words"));

        await client.SendActionAsync("slow", """{"seq":1,"delayMs":200}""");
        await client.SendActionAsync("post", """{"text":"last words"}""");
        await client.DisposeAsync();

        Assert.Equal(("posted", "last words", client.ConnectionId), (await peer.NextAsync("the post sent before the close")).Posted);
    }

    private static async Task SendAsync(ClientWebSocket socket, string text)
    {
        using var bound = new CancellationTokenSource(LiveClient.Timeout);
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, bound.Token);
    }
}
