using LiveTemplate.Typed.Presence;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.Redis.Tests.Presence;

/// <summary>Presence over a real redis-server that goes away and comes back with its data (appendonly, fsync always).</summary>
public sealed class RedisPresenceOutageTests
{
    [Fact]
    public async Task A_connection_untracked_while_redis_is_down_leaves_once_redis_is_back_with_its_data()
    {
        await using var server = await RedisServer.StartAsync(true, "--appendonly", "yes", "--appendfsync", "always");
        await using var forA = await server.ConnectAsync();
        await using var forB = await server.ConnectAsync();
        var prefix = "lt" + Guid.NewGuid().ToString("N")[..10];
        // A long timeout: both liveness keys outlive the outage, so no eviction or re-assertion can clean up for the untrack.
        RedisPresenceOptions Options() => new() { Prefix = prefix, HeartbeatInterval = TimeSpan.FromMilliseconds(100), Timeout = TimeSpan.FromSeconds(60) };
        await using var a = new RedisPresence(forA, Options());
        await using var b = new RedisPresence(forB, Options());
        var group = PresenceScope.Of(new GroupId("board-outage"));
        await a.TrackAsync(new GroupId("board-outage"), "conn-a", new UserId("alice"), default);
        await b.TrackAsync(new GroupId("board-outage"), "conn-b", new UserId("bob"), default);
        Assert.Equal(new PresenceCount(2, 2), await b.CountAsync(group));

        await server.KillAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => a.UntrackAsync("conn-a").WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.False(a.IsTracked("conn-a"));
        await server.StartAgainAsync();

        await Eventually.UntilAsync(async () => (await b.CountAsync(group)) == new PresenceCount(1, 1), TimeSpan.FromSeconds(15), "alice's connection gone from the store");
        Assert.Equal("u:bob", Assert.Single(await b.ListAsync(group)).MemberKey);
        Assert.Equal(default, await b.CountAsync(PresenceScope.Of(new UserId("alice"))));
        Assert.Equal(new PresenceCount(1, 1), await a.CountAsync(PresenceScope.Of(new UserId("bob"))));
    }
}
