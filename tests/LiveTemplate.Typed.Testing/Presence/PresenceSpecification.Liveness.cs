using System.Diagnostics;
using LiveTemplate.Typed.Presence;
using Xunit;

namespace LiveTemplate.Typed.Testing.Presence;

public abstract partial class PresenceSpecification
{
    /// <summary>The bound on a killed instance's leave: its liveness timeout plus two heartbeats of the survivors, plus slack for a loaded machine.</summary>
    protected static TimeSpan LeaveBound => PresenceHarness.Timeout + (PresenceHarness.Heartbeat * 2) + TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_killed_instance_has_its_members_leave_within_the_bound_announced_once_to_every_survivor()
    {
        var doomed = await Harness.StartAsync();
        var b = await Harness.StartAsync();
        var c = await Harness.StartAsync();
        var group = NewGroup();
        await using var onB = await PresenceWatcher.StartAsync(b, PresenceScope.Of(group));
        await using var onC = await PresenceWatcher.StartAsync(c, PresenceScope.Of(group));
        await doomed.TrackAsync(group, "tab-1", new UserId("alice"), default);
        await doomed.TrackAsync(group, "tab-2", new UserId("alice"), default);
        await doomed.TrackAsync(group, "guest", null, default);
        await b.TrackAsync(group, "bob", new UserId("bob"), default);
        foreach (var watcher in new[] { onB, onC })
        {
            Assert.Equal(3, (await Task.WhenAll(watcher.NextAsync(), watcher.NextAsync(), watcher.NextAsync())).Count(e => e.Kind == PresenceEventKind.Join));
        }

        var clock = Stopwatch.StartNew();
        await Harness.KillAsync(doomed);

        foreach (var watcher in new[] { onB, onC })
        {
            var leaves = new[] { await watcher.NextAsync(LeaveBound), await watcher.NextAsync(LeaveBound) };
            Assert.All(leaves, e => Assert.Equal(PresenceEventKind.Leave, e.Kind));
            Assert.Equal(["c:guest", "u:alice"], leaves.Select(e => e.MemberKey).Order(StringComparer.Ordinal));
        }

        Assert.True(clock.Elapsed < LeaveBound, $"The leaves took {clock.Elapsed}.");
        await b.TrackAsync(group, "marker", null, default);
        await onB.ExpectNextJoinOfAsync("marker");
        await onC.ExpectNextJoinOfAsync("marker");
        Assert.Equal(["bob", "marker"], (await c.ListAsync(PresenceScope.Of(group))).SelectMany(m => m.Connections).Select(x => x.ConnectionId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Members_are_reasserted_after_the_store_lost_everything()
    {
        var a = await Harness.StartAsync();
        var b = await Harness.StartAsync();
        var group = NewGroup();
        await a.TrackAsync(group, "conn-a", new UserId("alice"), Json("""{"card":7}"""));
        await b.TrackAsync(group, "conn-b", new UserId("bob"), default);

        await Harness.ForgetEverythingAsync();

        await Eventually.UntilAsync(async () => (await a.CountAsync(PresenceScope.Of(group))).Connections == 2, LeaveBound, "both connections back in the store");
        var alice = Assert.Single(await b.ListAsync(PresenceScope.Of(group)), m => m.MemberKey == "u:alice");
        Assert.Equal("""{"card":7}""", Text(alice.Metadata));
        await a.UpdateAsync("conn-a", Json("""{"card":8}"""));
        Assert.Equal("""{"card":8}""", Text(Assert.Single(await b.ListAsync(PresenceScope.Of(group)), m => m.MemberKey == "u:alice").Metadata));
    }

    [Fact]
    public async Task Members_of_a_scope_the_store_lost_while_their_instances_liveness_survived_join_again_within_the_bound()
    {
        var a = await Harness.StartAsync();
        var b = await Harness.StartAsync();
        var group = NewGroup();
        await using var watcher = await PresenceWatcher.StartAsync(b, PresenceScope.Of(group));
        await a.TrackAsync(group, "conn-a", new UserId("alice"), Json("""{"card":7}"""));
        await b.TrackAsync(group, "conn-b", new UserId("bob"), default);
        Assert.Equal(2, (await Task.WhenAll(watcher.NextAsync(), watcher.NextAsync())).Count(e => e.Kind == PresenceEventKind.Join));

        // Only the group's hashes go (on a cluster, a node restarted without its data); both liveness keys stay.
        await Harness.ForgetScopeAsync(PresenceScope.Of(group));

        var again = new[] { await watcher.NextAsync(LeaveBound), await watcher.NextAsync(LeaveBound) };
        Assert.All(again, e => Assert.Equal(PresenceEventKind.Join, e.Kind));
        Assert.Equal(["u:alice", "u:bob"], again.Select(e => e.MemberKey).Order(StringComparer.Ordinal));
        var alice = Assert.Single(await b.ListAsync(PresenceScope.Of(group)), m => m.MemberKey == "u:alice");
        Assert.Equal("""{"card":7}""", Text(alice.Metadata));
        Assert.Equal(new PresenceCount(1, 1), await b.CountAsync(PresenceScope.Of(new UserId("alice"))));
    }

    [Fact]
    public async Task A_live_instance_keeps_its_members_over_many_timeouts()
    {
        var a = await Harness.StartAsync();
        var b = await Harness.StartAsync();
        var group = NewGroup();
        await using var watcher = await PresenceWatcher.StartAsync(b, PresenceScope.Of(group));
        await a.TrackAsync(group, "conn-a", null, default);
        Assert.Equal(PresenceEventKind.Join, (await watcher.NextAsync()).Kind);

        // Three liveness timeouts of heartbeats and sweeps by both instances: nothing may leave.
        await Assert.ThrowsAsync<TimeoutException>(() => watcher.NextAsync(PresenceHarness.Timeout * 3));
        Assert.Equal(new PresenceCount(1, 1), await b.CountAsync(PresenceScope.Of(group)));
    }
}
