using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.Redis;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.AspNetCore.Tests.Presence;

/// <summary>The host creates the presence tracker, and starts its heartbeat on the store, only when a connection first uses presence.</summary>
public sealed class PresenceHostingTests
{
    [Fact]
    public async Task Connections_that_never_use_presence_start_no_presence_heartbeat_on_Redis()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var app = await TestApp.StartAsync(live => live.AddRedis(redis.Endpoint).Configure(o =>
        {
            o.Presence.HeartbeatInterval = TimeSpan.FromMilliseconds(50);
            o.Presence.Timeout = TimeSpan.FromMilliseconds(500);
        }));
        await using var other = await redis.ConnectAsync();
        var db = other.GetDatabase();

        var tab = await LiveClient.ConnectAsync(app.Board("no-presence"));
        var id = tab.ConnectionId;
        await tab.DisposeAsync();
        await Eventually.UntilAsync(() => Task.FromResult(app.Probe.Disconnected.Contains(id)), LiveClient.Timeout, "the connection ended");

        // Ten heartbeats' time: a tracker created by the connection's end would have written its liveness by then.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(await db.KeyExistsAsync("livetemplate:presence:instances"));

        // The first use creates it, and its heartbeat runs.
        await using var tracked = await LiveClient.ConnectAsync(app.Board("no-presence"));
        await tracked.SendAsync("""{"presence":"list"}""");
        Assert.Equal("presence-list", (await tracked.NextAsync("the list")).Type);
        await Eventually.UntilAsync(() => db.KeyExistsAsync("livetemplate:presence:instances"), LiveClient.Timeout, "the heartbeat ran");
    }
}
