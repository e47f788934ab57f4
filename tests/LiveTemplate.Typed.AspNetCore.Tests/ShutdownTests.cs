using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>Shutdown is bounded in time, whatever the browsers do.</summary>
public sealed class ShutdownTests
{
    // A close that is never answered would hold each connection for CloseTimeout: only the shutdown's deadline may end it.
    private static Task<TestApp> StartAsync(TimeSpan shutdownTimeout) => TestApp.StartAsync(configure: o =>
    {
        o.ShutdownTimeout = shutdownTimeout;
        o.CloseTimeout = TimeSpan.FromMinutes(5);
    });

    [Fact]
    public async Task A_connection_whose_handshake_was_under_way_when_shutdown_began_is_closed_and_cannot_hold_the_shutdown()
    {
        await using var app = await StartAsync(shutdownTimeout: TimeSpan.FromSeconds(1));

        // Past the accepting check, held in ResolveGroup while the shutdown begins (and finds no connection to drain).
        using var late = new ClientWebSocket();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var connecting = late.ConnectAsync(app.WebSocketUri("/gated"), bound.Token);
        await app.Probe.Resolving.Task.WaitAsync(LiveClient.Timeout);
        var stopwatch = Stopwatch.StartNew();
        var stopping = app.StopAsync();
        await app.Log.WaitForAsync(e => e.EventId.Id == 112, LiveClient.Timeout);
        app.Probe.ResolveGate.Set();
        await connecting;

        // It never reads, so it never answers the close: only the shutdown's deadline ends it, not CloseTimeout.
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal(1, app.Log.Entries.Count(TestApp.Opened));
    }

    [Fact]
    public async Task A_browser_that_never_answers_the_close_is_aborted_after_the_shutdown_timeout()
    {
        await using var app = await StartAsync(shutdownTimeout: TimeSpan.FromSeconds(1));

        // Connected, but never reading: it cannot see the close frame, so it never answers it.
        using var silent = await app.ConnectSilentAsync("silent");

        var stopping = Stopwatch.StartNew();
        await app.StopAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.InRange(stopping.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        var aborted = Assert.Single(app.Log.Entries, e => e.EventId.Id == 113);
        Assert.Equal(1, aborted.Fields["connections"]);
    }

    [Fact]
    public async Task On_shutdown_a_running_action_has_its_token_cancelled_its_connection_closes_with_1001_and_no_new_connection_is_taken()
    {
        await using var app = await StartAsync(shutdownTimeout: TimeSpan.FromSeconds(3));
        var busy = await LiveClient.ConnectAsync(app.Board("busy"));
        await busy.SendActionAsync("hang", "{}");
        await Eventually.UntilAsync(() => Task.FromResult(app.Probe.Ran.Contains((busy.ConnectionId, "hang"))), LiveClient.Timeout, "the waiting action runs");

        // A browser that never answers the close keeps the drain going, so the server is still listening meanwhile.
        using var silent = await app.ConnectSilentAsync("silent", opened: 2);
        var stopping = app.StopAsync();
        await Eventually.UntilAsync(() => Task.FromResult(app.Log.Entries.Any(e => e.EventId.Id == 112)), LiveClient.Timeout, "shutdown started (112)");
        var started = app.Log.Entries.Single(e => e.EventId.Id == 112);
        Assert.Equal((Microsoft.Extensions.Logging.LogLevel.Information, (object?)2), (started.Level, started.Fields["connections"]));

        Assert.Equal((WebSocketCloseStatus.EndpointUnavailable, "server shutting down"), await busy.ClosedAsync());
        Assert.Contains(busy.ConnectionId, app.Probe.Cancelled);
        await Eventually.UntilAsync(() => Task.FromResult(app.Probe.Disconnected.Contains(busy.ConnectionId)), LiveClient.Timeout, "OnDisconnectedAsync ran");

        // The server takes no new connections while it drains (a request already under way would get 503).
        await LiveClient.RefusedAsync(app.Board("latecomer"));
        Assert.Equal(2, app.Log.Entries.Count(TestApp.Opened));

        await stopping.WaitAsync(TimeSpan.FromSeconds(20));
        var aborted = Assert.Single(app.Log.Entries, e => e.EventId.Id == 113);
        Assert.Equal((Microsoft.Extensions.Logging.LogLevel.Warning, (object?)1), (aborted.Level, aborted.Fields["connections"]));
        await busy.DisposeAsync();
    }

    [Fact]
    public async Task While_the_connections_drain_the_readiness_check_is_unhealthy_and_says_why()
    {
        await using var app = await StartAsync(shutdownTimeout: TimeSpan.FromSeconds(2));
        var health = app.Services.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);

        // A browser that never answers the close keeps the drain going until the shutdown timeout.
        using var silent = await app.ConnectSilentAsync("silent");
        var stopping = app.StopAsync();
        await Eventually.UntilAsync(() => Task.FromResult(app.Log.Entries.Any(e => e.EventId.Id == 112)), LiveClient.Timeout, "shutdown started (112)");

        var entry = (await health.CheckHealthAsync()).Entries[LiveTemplateServiceCollectionExtensions.HealthCheckName];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("Shutting down", entry.Description, StringComparison.Ordinal);
        Assert.Equal("in-memory", entry.Data["transport"]);
        try
        {
            await stopping.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            // Seen once in CI on a loaded machine and not reproduced since: say what the host logged, to find out why.
            throw new TimeoutException("The stop did not end within 20 s; the host logged:\n" + string.Join("\n", app.Log.Entries.Select(e => $"{e.EventId.Id} {e.Level} {e.Message}")));
        }
    }
}
