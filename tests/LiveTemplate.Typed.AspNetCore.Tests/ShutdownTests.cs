using System.Diagnostics;
using System.Net.WebSockets;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>Shutdown is bounded in time, whatever the browsers do.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task A_browser_that_never_answers_the_close_is_aborted_after_the_shutdown_timeout()
    {
        await using var app = await TestApp.StartAsync(configure: o =>
        {
            o.ShutdownTimeout = TimeSpan.FromSeconds(1);
            o.CloseTimeout = TimeSpan.FromMinutes(5);
        });

        // Connected, but never reading: it cannot see the close frame, so it never answers it.
        using var silent = new ClientWebSocket();
        using (var bound = new CancellationTokenSource(LiveClient.Timeout))
        {
            await silent.ConnectAsync(app.Board("silent"), bound.Token);
        }

        await Eventually.UntilAsync(() => Task.FromResult(app.Log.Entries.Any(e => e.EventId.Id == 100)), LiveClient.Timeout, "the connection is open");

        var stopping = Stopwatch.StartNew();
        await app.StopAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.InRange(stopping.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        var aborted = Assert.Single(app.Log.Entries, e => e.EventId.Id == 113);
        Assert.Equal(1, aborted.Fields["connections"]);
    }
}
