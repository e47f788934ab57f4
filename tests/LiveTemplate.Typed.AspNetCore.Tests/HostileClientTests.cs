using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using LiveTemplate.Typed.AspNetCore.Tests.Fixtures;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>
/// Clients that break the protocol get an error frame or a close, within the limits in the options, and never
/// disturb the other connections of the same server: after each attack a bystander still talks to its group.
/// </summary>
public sealed class HostileClientTests : IAsyncLifetime
{
    private const int MaxFrameBytes = 1024;
    private const int MaxInvalidFrames = 3;
    private const int Burst = 10;
    private const double MessagesPerSecond = 2;

    private TestApp _app = null!;
    private LiveClient _bystander = null!;
    private LiveClient _bystanderPeer = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(configure: options =>
        {
            options.MaxFrameBytes = MaxFrameBytes;
            options.MaxInvalidFrames = MaxInvalidFrames;
            options.MessageBurst = Burst;
            options.MessagesPerSecond = MessagesPerSecond;
            options.SendTimeout = TimeSpan.FromSeconds(1);
        });
        _bystander = await LiveClient.ConnectAsync(_app.Board("shared"));
        _bystanderPeer = await LiveClient.ConnectAsync(_app.Board("shared"));
    }

    public async Task DisposeAsync()
    {
        await _bystander.DisposeAsync();
        await _bystanderPeer.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task An_oversized_frame_is_answered_with_an_error_and_a_close_1009()
    {
        await using var hostile = await LiveClient.ConnectAsync(_app.Board("shared"));

        await hostile.SendActionAsync("post", $$"""{"text":"{{new string('x', MaxFrameBytes)}}"}""");

        var frames = await hostile.FramesUntilClosedAsync();
        Assert.Equal(LiveErrorCodes.FrameTooLarge, Assert.Single(frames).Code);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, (await hostile.ClosedAsync()).Status);
        await AssertBystandersStillWorkAsync();
    }

    [Fact]
    public async Task A_frame_of_exactly_MaxFrameBytes_is_handled_and_one_byte_more_closes_with_1009()
    {
        await using var hostile = await LiveClient.ConnectAsync(_app.Board("at-the-limit"));
        const string Prefix = "{\"action\":\"post\",\"data\":{\"text\":\"";
        const string Suffix = "\"}}";
        var text = new string('x', MaxFrameBytes - Prefix.Length - Suffix.Length);

        await hostile.SendAsync(Prefix + text + Suffix);
        Assert.Equal(text, (await hostile.NextAsync("the answer to a frame at the limit")).Text);

        await hostile.SendAsync(Prefix + text + "x" + Suffix);
        Assert.Equal(LiveErrorCodes.FrameTooLarge, Assert.Single(await hostile.FramesUntilClosedAsync()).Code);
        Assert.Equal((WebSocketCloseStatus.MessageTooBig, "frame too large"), await hostile.ClosedAsync());
        await AssertBystandersStillWorkAsync();
    }

    [Fact]
    public async Task A_frame_sent_in_fragments_is_one_frame_and_fragments_that_together_pass_MaxFrameBytes_close_with_1009()
    {
        await using var hostile = await LiveClient.ConnectAsync(_app.Board("fragments"));

        await hostile.SendFragmentsAsync("{\"action\":\"po", "st\",\"data\":{\"te", "xt\":\"joined\"}}");
        Assert.Equal("joined", (await hostile.NextAsync("the answer to a fragmented frame")).Text);

        // Each fragment is under the limit; together they are not.
        var quarter = new string('x', MaxFrameBytes / 4);
        await hostile.SendFragmentsAsync("{\"action\":\"post\",\"data\":{\"text\":\"" + quarter, quarter, quarter, quarter, "\"}}");
        Assert.Equal(LiveErrorCodes.FrameTooLarge, Assert.Single(await hostile.FramesUntilClosedAsync()).Code);
        Assert.Equal((WebSocketCloseStatus.MessageTooBig, "frame too large"), await hostile.ClosedAsync());
        Assert.Single(_app.Probe.Ran, r => r.ConnectionId == hostile.ConnectionId); // the joined post only
        await AssertBystandersStillWorkAsync();
    }

    [Fact]
    public async Task An_oversized_binary_frame_closes_with_1009_too()
    {
        await using var hostile = await LiveClient.ConnectAsync(_app.Board("shared"));

        await hostile.SendAsync(new byte[MaxFrameBytes * 4], WebSocketMessageType.Binary);

        Assert.Equal(LiveErrorCodes.FrameTooLarge, Assert.Single(await hostile.FramesUntilClosedAsync()).Code);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, (await hostile.ClosedAsync()).Status);
        await AssertBystandersStillWorkAsync();
    }

    private const string LongName = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"action\":\"" + LongName + "\"}")]                   // no valid action name: over 256 characters
    [InlineData("{\"action\":\"post\",\"data\":{\"text\":\"x\"}}{\"action\":\"post\",\"data\":{\"text\":\"y\"}}")]
    public async Task A_frame_that_is_not_one_action_object_gets_malformed_frame_and_runs_nothing(string frame)
    {
        await using var hostile = await LiveClient.ConnectAsync(_app.Board("odd-frames"));

        await hostile.SendAsync(frame);

        var error = await hostile.NextAsync("the malformed-frame error");
        Assert.Equal(("error", LiveErrorCodes.MalformedFrame), (error.Type, error.Code));
        Assert.False(string.IsNullOrWhiteSpace(error.Get("message")));
        Assert.DoesNotContain(_app.Probe.Ran, r => r.ConnectionId == hostile.ConnectionId);
    }

    [Fact]
    public async Task Malformed_json_is_answered_with_error_frames_and_repeated_it_closes_with_1008()
    {
        await using var hostile = await LiveClient.ConnectAsync(_app.Board("shared"));

        await hostile.SendAsync("{\"action\":\"post\",");
        Assert.Equal(LiveErrorCodes.MalformedFrame, (await hostile.NextAsync("the first error")).Code);
        await hostile.SendAsync("[1,2,3]");
        await hostile.SendAsync("{\"data\":{}}");

        var frames = await hostile.FramesUntilClosedAsync();
        Assert.Equal([LiveErrorCodes.MalformedFrame, LiveErrorCodes.MalformedFrame], frames.Select(f => f.Code));
        Assert.Equal((WebSocketCloseStatus.PolicyViolation, "too many invalid frames"), await hostile.ClosedAsync());
        Assert.DoesNotContain(_app.Probe.Ran, r => r.ConnectionId == hostile.ConnectionId);
        await AssertBystandersStillWorkAsync();
    }

    [Fact]
    public async Task Unknown_and_server_only_actions_are_refused_never_run_and_repeated_close_with_1008()
    {
        await using var hostile = await LiveClient.ConnectAsync(_app.Board("shared"));

        await hostile.SendActionAsync("drop-tables", "{}");
        var unknown = await hostile.NextAsync("the unknown-action error");
        Assert.Equal((LiveErrorCodes.UnknownAction, "drop-tables"), (unknown.Code, unknown.Action));

        // The handler knows grant-admin, but it is a server-only action: the browser may not invoke it.
        await hostile.SendActionAsync("grant-admin", """{"reason":"because"}""");
        var forbidden = await hostile.NextAsync("the not-allowed error");
        Assert.Equal((LiveErrorCodes.NotAllowed, "grant-admin"), (forbidden.Code, forbidden.Action));

        await hostile.SendActionAsync("drop-tables", "{}");
        Assert.Equal(LiveErrorCodes.UnknownAction, Assert.Single(await hostile.FramesUntilClosedAsync()).Code);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, (await hostile.ClosedAsync()).Status);
        Assert.DoesNotContain(_app.Probe.Ran, r => r.Action == "grant-admin");
        await AssertBystandersStillWorkAsync();
    }

    [Fact]
    public async Task Undecodable_data_and_binary_frames_are_answered_with_error_frames_that_say_why()
    {
        await using var hostile = await LiveClient.ConnectAsync(_app.Board("careless"));

        await hostile.SendActionAsync("post", """{"text":42}""");
        var invalid = await hostile.NextAsync("the invalid-data error");
        Assert.Equal((LiveErrorCodes.InvalidData, "post"), (invalid.Code, invalid.Action));
        Assert.Contains("'text'", invalid.Get("message"), StringComparison.Ordinal);

        await hostile.SendAsync(Encoding.UTF8.GetBytes("""{"action":"post","data":{"text":"x"}}"""), WebSocketMessageType.Binary);
        Assert.Equal(LiveErrorCodes.MalformedFrame, (await hostile.NextAsync("the binary-frame error")).Code);

        await hostile.SendActionAsync("post", """{"text":"valid at last"}""");
        Assert.Equal("valid at last", (await hostile.NextAsync("the answer")).Text);
        await AssertBystandersStillWorkAsync();
    }

    [Fact]
    public async Task A_text_frame_that_is_not_utf8_is_closed_with_1007_by_the_websocket_layer()
    {
        await using var hostile = await LiveClient.ConnectAsync(_app.Board("shared"));

        await hostile.SendAsync([(byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)'}'], WebSocketMessageType.Text);

        Assert.Empty(await hostile.FramesUntilClosedAsync());
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, (await hostile.ClosedAsync()).Status);
        Assert.DoesNotContain(_app.Probe.Ran, r => r.ConnectionId == hostile.ConnectionId);
        await AssertBystandersStillWorkAsync();
    }

    [Fact]
    public async Task A_flood_is_answered_with_a_rate_limited_error_then_a_close_1008()
    {
        await using var hostile = await LiveClient.ConnectAsync(_app.Board("flood"));

        var flooding = Stopwatch.StartNew();
        for (var i = 0; i < Burst * 3 && !hostile.IsClosed; i++)
        {
            try
            {
                await hostile.SendActionAsync("post", $$"""{"text":"{{i}}"}""");
            }
            catch (WebSocketException)
            {
                break;
            }
        }

        var refilled = (int)Math.Ceiling(flooding.Elapsed.TotalSeconds * MessagesPerSecond);
        var frames = await hostile.FramesUntilClosedAsync();
        Assert.Equal(LiveErrorCodes.RateLimited, frames[^1].Code);

        // At most the burst and what refilled while flooding was handled (accepted frames still queued when the
        // connection closed are dropped, so possibly fewer): the rest of the flood never reached the handler.
        Assert.InRange(frames.Count(f => f.Type == "action"), 0, Burst + refilled);
        Assert.Equal((WebSocketCloseStatus.PolicyViolation, "rate limit exceeded"), await hostile.ClosedAsync());
        await AssertBystandersStillWorkAsync();
    }

    [Fact]
    public async Task A_browser_that_stops_reading_is_aborted_once_a_send_times_out()
    {
        // Connected, but never reading: the server's sends fill the socket buffers, then block.
        using var stalled = new ClientWebSocket();
        using (var bound = new CancellationTokenSource(LiveClient.Timeout))
        {
            await stalled.ConnectAsync(_app.Board("stalled"), bound.Token);
        }

        var board = new GroupId("board:stalled");
        var chunk = new Posted(new string('x', 32 * 1024), "flood");
        var deadline = Stopwatch.StartNew();
        while (!_app.Log.Entries.Any(e => e.EventId.Id == 110) && deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            for (var i = 0; i < 64; i++)
            {
                await _app.Broadcaster.BroadcastAsync(board, chunk);
            }

            await Task.Delay(20);
        }

        Assert.Contains(_app.Log.Entries, e => e.EventId.Id == 110);
        await Eventually.UntilAsync(() => Task.FromResult(_app.Log.Entries.Any(e => e.EventId.Id == 101)), LiveClient.Timeout, "the stalled connection ended");
        await AssertBystandersStillWorkAsync();
    }

    private async Task AssertBystandersStillWorkAsync()
    {
        await _bystander.SendActionAsync("post", """{"text":"business as usual"}""");
        Assert.Equal("business as usual", (await _bystander.NextAsync("the bystander's answer")).Text);
        Assert.Equal("business as usual", (await _bystanderPeer.NextAsync("the bystander's peer")).Text);
        await using var newcomer = await LiveClient.ConnectAsync(_app.Board("shared"));
    }
}
