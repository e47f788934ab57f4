using System.Net.WebSockets;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.Testing;
using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>
/// Payloads a browser gets wrong or forges, sent to a real server, and how docs/aspnetcore.md says each is answered:
/// an <c>invalid-data</c> error naming the member (the handler never runs), which counts toward
/// <c>MaxInvalidFrames</c>; a handler that throws answers <c>handler-failed</c> and counts for nothing.
/// </summary>
public sealed class HostilePayloadTests : IAsyncLifetime
{
    private const int MaxInvalidFrames = 3;

    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(configure: o => o.MaxInvalidFrames = MaxInvalidFrames);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("""{"action":"post","data":{}}""", "post", "'text'")]                        // a member missing
    [InlineData("""{"action":"post"}""", "post", "'text'")]                                  // no data reads as {}: still missing
    [InlineData("""{"action":"post","data":null}""", "post", "'text'")]
    [InlineData("""{"action":"post","data":{"text":null}}""", "post", "'text'")]             // null for a non-nullable string
    [InlineData("""{"action":"post","data":{"text":["x"]}}""", "post", "'text'")]
    [InlineData("""{"action":"post","data":{"text":{"$ne":""}}}""", "post", "'text'")]
    [InlineData("""{"action":"slow","data":{"seq":"1","delayMs":0}}""", "slow", "'seq'")]    // a number as a string
    [InlineData("""{"action":"slow","data":{"seq":1.5,"delayMs":0}}""", "slow", "'seq'")]    // not an integer
    [InlineData("""{"action":"slow","data":{"seq":1e40,"delayMs":0}}""", "slow", "'seq'")]   // beyond Int32
    [InlineData("""{"action":"slow","data":{"seq":2147483648,"delayMs":0}}""", "slow", "'seq'")]
    [InlineData("""{"action":"slow","data":{"seq":true,"delayMs":0}}""", "slow", "'seq'")]
    public async Task Data_of_the_wrong_shape_is_refused_with_invalid_data_naming_the_member_and_never_runs(string frame, string action, string member)
    {
        await using var client = await LiveClient.ConnectAsync(_app.Board("shapes"));

        await client.SendAsync(frame);

        var error = await client.NextAsync("the invalid-data error");
        Assert.Equal(("error", LiveErrorCodes.InvalidData, action), (error.Type, error.Code, error.Action));
        Assert.Contains(member, error.Get("message"), StringComparison.Ordinal);
        Assert.DoesNotContain(_app.Probe.Ran, r => r.ConnectionId == client.ConnectionId);

        // Refused, not broken: the next valid frame is handled.
        await client.SendActionAsync("post", """{"text":"fine"}""");
        Assert.Equal("fine", (await client.NextAsync("the answer after the refusal")).Text);
    }

    [Fact]
    public async Task A_member_of_data_the_action_does_not_have_is_ignored_as_the_doc_says_the_known_ones_are_read()
    {
        await using var client = await LiveClient.ConnectAsync(_app.Board("extra"));

        await client.SendActionAsync("post", """{"isAdmin":true,"text":"kept","from":"forged"}""");

        var answer = await client.NextAsync("the answer");
        Assert.Equal(("posted", "kept", client.ConnectionId), answer.Posted);
    }

    [Fact]
    public async Task Invalid_data_counts_as_invalid_and_the_MaxInvalidFrames_th_closes_with_1008_after_its_error_frame()
    {
        await using var client = await LiveClient.ConnectAsync(_app.Board("undecodable"));

        for (var i = 0; i < MaxInvalidFrames; i++)
        {
            await client.SendActionAsync("post", """{"text":42}""");
        }

        var frames = await client.FramesUntilClosedAsync();
        Assert.Equal(Enumerable.Repeat(LiveErrorCodes.InvalidData, MaxInvalidFrames), frames.Select(f => f.Code));
        Assert.Equal((WebSocketCloseStatus.PolicyViolation, "too many invalid frames"), await client.ClosedAsync());

        // Each refusal is logged at Debug (103) with its code; the close by the server at Warning (105).
        await Eventually.UntilAsync(() => Task.FromResult(_app.Log.Entries.Any(e => e.EventId.Id == 105 && Equals(e.Fields["connection_id"], client.ConnectionId))), LiveClient.Timeout, "the close logged (105)");
        var refusals = _app.Log.Entries.Where(e => e.EventId.Id == 103 && Equals(e.Fields["connection_id"], client.ConnectionId)).ToList();
        Assert.Equal(MaxInvalidFrames, refusals.Count);
        Assert.All(refusals, e => Assert.Equal((LogLevel.Debug, (object?)LiveErrorCodes.InvalidData), (e.Level, e.Fields["error_code"])));
        var closed = _app.Log.Entries.Single(e => e.EventId.Id == 105 && Equals(e.Fields["connection_id"], client.ConnectionId));
        Assert.Equal((LogLevel.Warning, (object?)"too many invalid frames"), (closed.Level, closed.Fields["reason"]));
    }

    [Fact]
    public async Task A_browser_that_keeps_under_MessagesPerSecond_is_never_rate_limited_beyond_its_burst()
    {
        // A burst of 3 refilled at 20 a second; the browser sends 12 frames at about 10 a second: the bucket refills
        // faster than it empties, so every frame is handled although 4 times the burst arrive.
        await using var app = await TestApp.StartAsync(configure: o =>
        {
            o.MessageBurst = 3;
            o.MessagesPerSecond = 20;
        });
        await using var client = await LiveClient.ConnectAsync(app.Board("paced"));

        for (var i = 0; i < 12; i++)
        {
            await client.SendActionAsync("post", $$"""{"text":"{{i}}"}""");
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), (await client.NextAsync("answer " + i)).Text);
            await Task.Delay(100);
        }

        Assert.False(client.IsClosed);
    }

    [Fact]
    public async Task A_server_action_from_an_anonymous_browser_is_not_allowed_and_counts_as_invalid()
    {
        await using var anonymous = await LiveClient.ConnectAsync(_app.Board("anonymous"));

        for (var i = 0; i < MaxInvalidFrames; i++)
        {
            await anonymous.SendActionAsync("whisper", """{"text":"psst"}""");
        }

        var frames = await anonymous.FramesUntilClosedAsync();
        Assert.Equal(Enumerable.Repeat(LiveErrorCodes.NotAllowed, MaxInvalidFrames), frames.Select(f => f.Code));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, (await anonymous.ClosedAsync()).Status);
        Assert.DoesNotContain(_app.Probe.Ran, r => r.ConnectionId == anonymous.ConnectionId);
    }

    [Fact]
    public async Task A_handler_that_keeps_failing_does_not_count_as_invalid_the_browser_gets_handler_failed_each_time_and_106_is_logged_as_error()
    {
        await using var client = await LiveClient.ConnectAsync(_app.Board("fragile"));

        for (var i = 0; i < MaxInvalidFrames * 2; i++)
        {
            await client.SendActionAsync("explode", "{}");
            var error = await client.NextAsync("handler-failed " + i);
            Assert.Equal((LiveErrorCodes.HandlerFailed, "explode"), (error.Code, error.Action));
        }

        await client.SendActionAsync("post", """{"text":"still open"}""");
        Assert.Equal("still open", (await client.NextAsync("the answer")).Text);
        Assert.False(client.IsClosed);
        var failures = _app.Log.Entries.Where(e => e.EventId.Id == 106 && Equals(e.Fields["connection_id"], client.ConnectionId)).ToList();
        Assert.Equal(MaxInvalidFrames * 2, failures.Count);
        Assert.All(failures, e => Assert.Equal((LogLevel.Error, (object?)"explode", true), (e.Level, e.Fields["action"], e.Exception is InvalidOperationException)));
    }
}
