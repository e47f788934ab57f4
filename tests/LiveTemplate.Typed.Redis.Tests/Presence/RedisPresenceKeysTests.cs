using LiveTemplate.Typed.Presence;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.Redis.Tests.Presence;

/// <summary>
/// docs/presence.md, "Keys on Redis": empty hashes vanish, and an instance's own keys go when it is evicted or stops
/// cleanly, so a dead instance leaves neither a ghost member nor a ghost entry in the set every heartbeat reads.
/// </summary>
public sealed class RedisPresenceKeysTests
{
    [Fact]
    public async Task A_killed_instance_once_evicted_and_a_stopped_one_leave_no_key_behind()
    {
        await using var server = await RedisServer.StartAsync();
        var forA = await server.ConnectAsync();
        await using var forB = await server.ConnectAsync();
        await using var admin = await server.ConnectAsync("allowAdmin=true");
        var prefix = "lt" + Guid.NewGuid().ToString("N")[..10];
        RedisPresenceOptions Options() => new() { Prefix = prefix, HeartbeatInterval = TimeSpan.FromMilliseconds(100), Timeout = TimeSpan.FromSeconds(1) };
        var a = new RedisPresence(forA, Options());
        var b = new RedisPresence(forB, Options());
        var group = new GroupId("board-keys");
        await a.TrackAsync(group, "conn-a", new UserId("alice"), "{\"n\":1}"u8.ToArray());
        await b.TrackAsync(group, "conn-b", null, default);
        Assert.NotEmpty(await KeysAsync());
        var dead = a.InstanceId;

        await forA.CloseAsync(allowCommandsToComplete: false); // killed: no goodbye
        await Eventually.UntilAsync(async () => (await b.CountAsync(PresenceScope.Of(group))) == new PresenceCount(1, 1), TimeSpan.FromSeconds(10), "alice evicted");
        await Eventually.UntilAsync(async () => !(await KeysAsync()).Any(k => k.Contains(dead, StringComparison.Ordinal) || k.Contains("u:alice", StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "the dead instance's keys and alice's emptied hashes gone");
        var instances = await admin.GetDatabase().SetMembersAsync(prefix + ":presence:instances");
        Assert.Equal([b.InstanceId], instances.Select(v => (string)v!));

        await b.DisposeAsync(); // stops cleanly
        Assert.Empty(await KeysAsync());
        await a.DisposeAsync();
        await forA.DisposeAsync();

        async Task<List<string>> KeysAsync()
        {
            var keys = new List<string>();
            await foreach (var key in admin.GetServer(server.Endpoint).KeysAsync(pattern: "*" + prefix + ":presence:*"))
            {
                keys.Add(key!);
            }

            return keys;
        }
    }
}
