using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>The close codes of docs/aspnetcore.md that a connection's own handler causes: 1011 when it fails to start, 1000 from <see cref="LiveConnection.Close"/>.</summary>
public sealed class CloseCodeTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_handler_that_cannot_be_created_closes_the_connection_with_1011_and_logs_109_105_and_101()
    {
        var (frames, status, reason) = await UntilClosedAsync(_app.WebSocketUri("/uncreatable"));

        Assert.Equal((WebSocketCloseStatus.InternalServerError, "internal error"), (status, reason));
        Assert.Empty(frames);
        Assert.Contains(_app.Log.Entries, e => e.EventId.Id == 109);

        // Closed by the server (105); opened (100), so closed (101) too, with the status and reason the browser got.
        Assert.Contains(_app.Log.Entries, e => e.EventId.Id == 105 && Equals(e.Fields["reason"], "internal error"));
        await Eventually.UntilAsync(() => Task.FromResult(_app.Log.Entries.Any(e => e.EventId.Id == 101)), LiveClient.Timeout, "the closed connection is logged (101)");
        var closed = _app.Log.Entries.First(e => e.EventId.Id == 101);
        Assert.Equal(1011, closed.Fields["close_status"]);
        Assert.Equal("internal error", closed.Fields["close_reason"]);
    }

    [Fact]
    public async Task A_handler_whose_OnConnectedAsync_throws_closes_the_connection_with_1011_after_hello()
    {
        var (frames, status, reason) = await UntilClosedAsync(_app.WebSocketUri("/failing-on-connect"));

        Assert.Equal((WebSocketCloseStatus.InternalServerError, "internal error"), (status, reason));
        Assert.Equal(["hello"], frames.Select(f => f.Type));
        Assert.Contains(_app.Log.Entries, e => e.EventId.Id == 109);
    }

    [Fact]
    public async Task A_handler_whose_OnDisconnectedAsync_throws_is_logged_as_error_115_and_the_connection_still_ends_normally()
    {
        var client = await LiveClient.ConnectAsync(_app.WebSocketUri("/failing-on-disconnect"));
        var id = client.ConnectionId;
        await client.SendActionAsync("post", """{"text":"served"}""");
        Assert.Equal("served", (await client.NextAsync("the answer")).Text);

        await client.DisposeAsync();

        await Eventually.UntilAsync(() => Task.FromResult(_app.Log.Entries.Any(e => e.EventId.Id == 115 && Equals(e.Fields["connection_id"], id))), LiveClient.Timeout, "the failed hook logged (115)");
        var failed = _app.Log.Entries.Single(e => e.EventId.Id == 115 && Equals(e.Fields["connection_id"], id));
        Assert.Equal((Microsoft.Extensions.Logging.LogLevel.Error, (object?)"OnDisconnectedAsync", true), (failed.Level, failed.Fields["hook"], failed.Exception is InvalidOperationException));
        Assert.Equal(1000, _app.Log.Entries.Single(e => e.EventId.Id == 101 && Equals(e.Fields["connection_id"], id)).Fields["close_status"]);
        Assert.DoesNotContain(_app.Log.Entries, e => e.EventId.Id == 109);

        // The app goes on: a new connection to the same endpoint is served.
        await using var next = await LiveClient.ConnectAsync(_app.WebSocketUri("/failing-on-disconnect"));
    }

    [Fact]
    public async Task A_handler_whose_OnDisconnectedAsync_throws_is_still_disposed()
    {
        var client = await LiveClient.ConnectAsync(_app.WebSocketUri("/failing-on-disconnect"));
        var id = client.ConnectionId;

        await client.DisposeAsync();

        // The handler comes from an ObjectFactory, not the container: only the endpoint can dispose it.
        await Eventually.UntilAsync(() => Task.FromResult(_app.Log.Entries.Any(e => e.EventId.Id == 101 && Equals(e.Fields["connection_id"], id))), LiveClient.Timeout, "the connection closed (101)");
        await Eventually.UntilAsync(() => Task.FromResult(_app.Probe.Disposed.Contains(id)), LiveClient.Timeout, "the handler disposed");
        Assert.Single(_app.Log.Entries, e => e.EventId.Id == 115 && Equals(e.Fields["connection_id"], id));
    }

    [Fact]
    public async Task An_action_allowed_from_the_browser_that_the_handler_does_not_handle_is_refused_as_unknown_and_warned_108()
    {
        await using var client = await LiveClient.ConnectAsync(_app.WebSocketUri("/failing-on-disconnect"));

        await client.SendActionAsync("slow", """{"seq":1,"delayMs":0}""");

        var refused = await client.NextAsync("the refusal");
        Assert.Equal((LiveErrorCodes.UnknownAction, "slow"), (refused.Code, refused.Action));
        var warning = Assert.Single(_app.Log.Entries, e => e.EventId.Id == 108);
        Assert.Equal((Microsoft.Extensions.Logging.LogLevel.Warning, (object?)"slow", (object?)nameof(Fixtures.FailingOnDisconnectHandler)), (warning.Level, warning.Fields["action"], warning.Fields["handler"]));
    }

    [Theory]
    [InlineData("no-such-action", """{"text":"x"}""")]   // no handler knows it
    [InlineData("post", """{"text":42}""")]              // known, but its data does not decode
    [InlineData("grant-admin", """{"reason":"x"}""")]    // a server action arriving as a group action: wrong scope
    public async Task A_group_action_from_the_broadcaster_the_handler_cannot_run_is_logged_as_107_and_runs_nothing(string action, string data)
    {
        await using var client = await LiveClient.ConnectAsync(_app.Board("forwarded-junk"));
        var board = new GroupId("board:forwarded-junk");

        await _app.Broadcaster.PublishGroupActionAsync(board, action, Encoding.UTF8.GetBytes(data));

        // Nothing reaches the browser (the marker is its next frame) and the connection stays open.
        await Absence.ProveAsync(client, _app.Broadcaster, board);
        var notHandled = Assert.Single(_app.Log.Entries, e => e.EventId.Id == 107 && Equals(e.Fields["connection_id"], client.ConnectionId));
        Assert.Equal((Microsoft.Extensions.Logging.LogLevel.Debug, (object?)action), (notHandled.Level, notHandled.Fields["action"]));
        Assert.False(string.IsNullOrEmpty((string?)notHandled.Fields["detail"]));
        Assert.DoesNotContain(_app.Probe.Ran, r => r.ConnectionId == client.ConnectionId && r.Action == action);
    }

    [Fact]
    public async Task Close_closes_with_1000_and_the_reason_once_the_current_action_returns()
    {
        await using var client = await LiveClient.ConnectAsync(_app.Board("leaving"));

        await client.SendActionAsync("leave", """{"reason":"see you"}""");

        var frames = await client.FramesUntilClosedAsync();
        Assert.Equal(["before close", "after close"], frames.Select(f => f.Text));
        Assert.Equal((WebSocketCloseStatus.NormalClosure, "see you"), await client.ClosedAsync());
    }

    [Fact]
    public async Task A_browser_that_never_answers_the_close_is_aborted_after_CloseTimeout()
    {
        await using var app = await TestApp.StartAsync(configure: o =>
        {
            o.MaxFrameBytes = 256;
            o.CloseTimeout = TimeSpan.FromSeconds(1);
        });
        using var silent = new ClientWebSocket();
        using var bound = new CancellationTokenSource(LiveClient.Timeout);
        await silent.ConnectAsync(app.Board("silent"), bound.Token);

        // Too large: the server closes with 1009; this browser never reads, so it never answers the close.
        var closing = Stopwatch.StartNew();
        await silent.SendAsync(new byte[300], WebSocketMessageType.Text, endOfMessage: true, bound.Token);

        await Eventually.UntilAsync(() => Task.FromResult(app.Log.Entries.Any(e => e.EventId.Id == 101)), LiveClient.Timeout, "the silent connection ended");
        Assert.InRange(closing.Elapsed, TimeSpan.FromSeconds(0.9), LiveClient.Timeout);
    }

    private static async Task<(List<Frame> Frames, WebSocketCloseStatus? Status, string? Reason)> UntilClosedAsync(Uri uri)
    {
        using var socket = new ClientWebSocket();
        using var bound = new CancellationTokenSource(LiveClient.Timeout);
        await socket.ConnectAsync(uri, bound.Token);
        var frames = new List<Frame>();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, bound.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (frames, result.CloseStatus, result.CloseStatusDescription);
            }

            Assert.True(result.EndOfMessage);
            frames.Add(Frame.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count)));
        }
    }
}
