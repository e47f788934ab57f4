using System.Net;
using LiveTemplate.Typed.AspNetCore.Tests.Fixtures;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>One app instance on the in-memory default: what a connection's event loop does with browser and server actions.</summary>
public sealed class ConnectionLoopTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_browser_action_runs_the_handler_which_answers_the_browser_and_broadcasts_to_the_rest_of_the_group()
    {
        await using var sender = await LiveClient.ConnectAsync(_app.Board("team"));
        await using var other = await LiveClient.ConnectAsync(_app.Board("team"));

        await sender.SendActionAsync("post", """{"text":"hello"}""");

        var echo = await sender.NextAsync("the handler's answer");
        Assert.Equal(("action", "posted", "hello"), (echo.Type, echo.Action, echo.Text));
        Assert.Equal(("posted", "hello", sender.ConnectionId), (await other.NextAsync("the group broadcast")).Posted);

        // The sender is excluded: the next thing it receives is a later marker, not its own broadcast.
        await Absence.ProveAsync(sender, _app.Broadcaster, new GroupId("board:team"));
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("{\"a\":")]
    [InlineData("{} {}")]
    [InlineData("")]
    public async Task An_update_that_is_not_one_JSON_value_is_refused_with_ArgumentException_and_the_connection_sends_on(string json)
    {
        await using var client = await LiveClient.ConnectAsync(_app.Board("updates"));

        await client.SendActionAsync("send-update", System.Text.Json.JsonSerializer.Serialize(new { json }));
        var refusal = await client.NextAsync("the refusal");
        Assert.Equal(("posted", "refused utf8Json"), (refusal.Action, refusal.Text));

        await client.SendActionAsync("send-update", """{"json":"{\"cards\":[1,2]}"}""");
        var update = await client.NextAsync("a valid update after it");
        Assert.Equal(("update", "raw", 2), (update.Type, update.Get("name"), update.Data.GetProperty("cards").GetArrayLength()));
    }

    [Fact]
    public async Task Actions_of_one_connection_run_one_at_a_time_in_arrival_order_whatever_their_source()
    {
        await using var client = await LiveClient.ConnectAsync(_app.Board("order"));
        var board = new GroupId("board:order");

        for (var seq = 1; seq <= 6; seq++)
        {
            await client.SendActionAsync("slow", $$"""{"seq":{{seq}},"delayMs":30}""");
            await _app.Broadcaster.BroadcastAsync(board, new Slow(100 + seq, 0));
        }

        var seen = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            seen.Add((await client.NextAsync("slow " + i)).Data.GetProperty("seq").GetInt32());
        }

        Assert.Equal(1, _app.Probe.MaxConcurrentPerConnection);
        Assert.Equal([1, 2, 3, 4, 5, 6], seen.Where(s => s < 100));
        Assert.Equal([101, 102, 103, 104, 105, 106], seen.Where(s => s > 100));
    }

    [Fact]
    public async Task A_failing_handler_sends_an_error_frame_and_the_connection_stays_open()
    {
        await using var client = await LiveClient.ConnectAsync(_app.Board("boom"));

        await client.SendActionAsync("explode", "{}");
        var error = await client.NextAsync("the error frame");
        Assert.Equal(("error", LiveErrorCodes.HandlerFailed, "explode"), (error.Type, error.Code, error.Action));

        await client.SendActionAsync("post", """{"text":"still here"}""");
        Assert.Equal("still here", (await client.NextAsync("the answer")).Text);
    }

    [Fact]
    public async Task The_session_cookie_is_issued_when_missing_and_makes_two_tabs_one_group()
    {
        var cookies = new CookieContainer();
        await using var first = await LiveClient.ConnectAsync(_app.WebSocketUri("/live"), cookies);
        var setCookie = Assert.Single(first.ResponseHeaders!["Set-Cookie"]);
        Assert.StartsWith(LiveTemplateOptions.DefaultSessionCookieName + "=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);

        await using var second = await LiveClient.ConnectAsync(_app.WebSocketUri("/live"), cookies);
        Assert.False(second.ResponseHeaders!.ContainsKey("Set-Cookie"));
        await using var stranger = await LiveClient.ConnectAsync(_app.WebSocketUri("/live"));

        await first.SendActionAsync("post", """{"text":"to my other tab"}""");
        Assert.Equal("to my other tab", (await second.NextAsync("the other tab's copy")).Text);

        // Another session's connection got nothing: its first frame is its own answer.
        await stranger.SendActionAsync("post", """{"text":"mine"}""");
        Assert.Equal("mine", (await stranger.NextAsync("its own answer")).Text);
    }

    [Fact]
    public async Task A_server_action_allowed_from_the_browser_runs_for_the_connections_own_user_and_is_refused_when_anonymous()
    {
        await using var alice = await LiveClient.ConnectAsync(_app.Board("w", user: "alice"));
        await using var aliceElsewhere = await LiveClient.ConnectAsync(_app.Board("other", user: "alice"));
        await using var anonymous = await LiveClient.ConnectAsync(_app.Board("w"));

        await alice.SendActionAsync("whisper", """{"text":"psst"}""");
        Assert.Equal("whispered: psst", (await aliceElsewhere.NextAsync("alice's other tab")).Text);
        Assert.Equal("whispered: psst", (await alice.NextAsync("alice's own tab")).Text);

        await anonymous.SendActionAsync("whisper", """{"text":"psst"}""");
        var refused = await anonymous.NextAsync("the refusal");
        Assert.Equal((LiveErrorCodes.NotAllowed, "whisper"), (refused.Code, refused.Action));
    }

    [Fact]
    public async Task Stopping_the_app_closes_every_connection_with_1001_and_a_reason()
    {
        var client = await LiveClient.ConnectAsync(_app.Board("bye"));

        await _app.StopAsync();

        var (status, reason) = await client.ClosedAsync();
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, status);
        Assert.Equal("server shutting down", reason);
        await client.DisposeAsync();
    }
}
