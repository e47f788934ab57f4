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
    public async Task The_store_records_only_the_scopes_an_instance_has_connections_in_now_and_a_killed_one_s_are_still_evicted()
    {
        var a = await Harness.StartAsync();
        var b = await Harness.StartAsync();
        var kept = NewGroup();
        await a.TrackAsync(kept, "stays", new UserId("zoe"), default);
        var passing = Enumerable.Range(0, 20).Select(i => (Group: NewGroup(), User: new UserId("visitor-" + i))).ToList();
        foreach (var (group, user) in passing)
        {
            await a.TrackAsync(group, "tab-" + user.Value, user, default);
        }

        Assert.Equal(42, (await Harness.RecordedScopesAsync(a)).Count);
        foreach (var (_, user) in passing)
        {
            Assert.True(await a.UntrackAsync("tab-" + user.Value));
        }

        // The heartbeat forgets the scopes nobody of this instance is in: a long-lived instance's record does not grow with every visitor.
        var expected = new[] { PresenceScope.Of(kept), PresenceScope.Of(new UserId("zoe")) };
        await Eventually.UntilAsync(async () => (await Harness.RecordedScopesAsync(a)).Count == 2, LeaveBound, "only zoe's two scopes recorded");
        Assert.Equal(expected.Select(s => s.Key).Order(StringComparer.Ordinal), (await Harness.RecordedScopesAsync(a)).Select(s => s.Key).Order(StringComparer.Ordinal));

        // A scope used again is recorded again, and what is recorded is what survivors evict.
        var back = passing[3];
        await a.TrackAsync(back.Group, "again", back.User, default);
        Assert.Contains(PresenceScope.Of(back.Group), await Harness.RecordedScopesAsync(a));
        await using var onB = await PresenceWatcher.StartAsync(b, PresenceScope.Of(back.Group));
        await Harness.KillAsync(a);
        Assert.Equal(PresenceEventKind.Leave, (await onB.NextAsync(LeaveBound)).Kind);
        await Eventually.UntilAsync(async () => (await b.CountAsync(PresenceScope.Of(kept))).Connections == 0, LeaveBound, "zoe's connection evicted");
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
    public async Task An_untrack_the_store_did_not_take_is_written_again_by_the_heartbeat_and_its_member_leaves_once()
    {
        var a = await Harness.StartAsync();
        var b = await Harness.StartAsync();
        var group = NewGroup();
        await using var watcher = await PresenceWatcher.StartAsync(b, PresenceScope.Of(group));
        await a.TrackAsync(group, "conn-a", new UserId("alice"), default);
        Assert.Equal(PresenceEventKind.Join, (await watcher.NextAsync()).Kind);

        // The caller gave up before the store had the untrack (a close bounded in time, the store slow or away).
        using var gaveUp = new CancellationTokenSource();
        await gaveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a.UntrackAsync("conn-a", gaveUp.Token));
        Assert.False(a.IsTracked("conn-a"));

        // The instance stays alive (no eviction can remove it): its own heartbeat must finish the untrack.
        var leave = await watcher.NextAsync(LeaveBound, "the leave, written again by the heartbeat");
        Assert.Equal((PresenceEventKind.Leave, "u:alice", "conn-a"), (leave.Kind, leave.MemberKey, leave.ConnectionId));
        await a.TrackAsync(group, "marker", null, default);
        await watcher.ExpectNextJoinOfAsync("marker");
        Assert.Equal(new PresenceCount(1, 1), await b.CountAsync(PresenceScope.Of(group)));
        Assert.Equal(default, await b.CountAsync(PresenceScope.Of(new UserId("alice"))));
    }

    [Fact]
    public async Task A_user_with_tabs_on_a_killed_instance_and_a_live_one_stays_and_shows_the_live_tab_s_metadata()
    {
        var doomed = await Harness.StartAsync();
        var b = await Harness.StartAsync();
        var group = NewGroup();
        await using var watcher = await PresenceWatcher.StartAsync(b, PresenceScope.Of(group));
        await b.TrackAsync(group, "tab-b", new UserId("alice"), Json("""{"card":1}"""));
        await Task.Delay(5);   // the Redis store keeps times in milliseconds: the doomed tab's must be later
        await doomed.TrackAsync(group, "tab-doomed", new UserId("alice"), Json("""{"card":2}"""));
        Assert.Equal(PresenceEventKind.Join, (await watcher.NextAsync()).Kind);
        Assert.Equal("""{"card":2}""", Text((await watcher.NextAsync(what: "the doomed tab's update")).Metadata));

        await Harness.KillAsync(doomed);

        // The member keeps its live tab: no leave, one update back to that tab's metadata.
        var shown = await watcher.NextAsync(LeaveBound, "the member's metadata of its remaining tab");
        Assert.Equal((PresenceEventKind.Update, "u:alice", """{"card":1}"""), (shown.Kind, shown.MemberKey, Text(shown.Metadata)));
        await b.TrackAsync(group, "marker", null, default);
        await watcher.ExpectNextJoinOfAsync("marker");
        var alice = Assert.Single(await b.ListAsync(PresenceScope.Of(group)), m => m.MemberKey == "u:alice");
        Assert.Equal("tab-b", Assert.Single(alice.Connections).ConnectionId);
        Assert.Equal(new PresenceCount(1, 1), await b.CountAsync(PresenceScope.Of(new UserId("alice"))));
    }

    [Fact]
    public async Task Updates_racing_an_untrack_never_bring_the_connection_back_and_the_leave_is_its_last_event()
    {
        var a = await Harness.StartAsync();
        var b = await Harness.StartAsync();
        var group = NewGroup();
        await using var watcher = await PresenceWatcher.StartAsync(b, PresenceScope.Of(group));
        await a.TrackAsync(group, "conn-a", new UserId("alice"), Json("""{"card":0}"""));
        Assert.Equal(PresenceEventKind.Join, (await watcher.NextAsync()).Kind);

        var updates = Enumerable.Range(1, 20).Select(async card =>
        {
            try
            {
                await a.UpdateAsync("conn-a", Json($$"""{"card":{{card}}}"""));
            }
            catch (InvalidOperationException)
            {
                // Untracked first: refused, as documented.
            }
        }).ToList();
        var untrack = a.UntrackAsync("conn-a");
        await Task.WhenAll(updates);
        Assert.True(await untrack);
        await a.TrackAsync(group, "marker", null, default);

        var events = new List<PresenceEvent>();
        while (events.LastOrDefault()?.ConnectionId != "marker")
        {
            events.Add(await watcher.NextAsync(what: "the events up to the marker's join"));
            Assert.True(events.Count <= 22, "more events than changes");
        }

        Assert.Equal(PresenceEventKind.Leave, events[^2].Kind);
        Assert.Equal(1, events.Count(e => e.Kind == PresenceEventKind.Leave));
        Assert.All(events[..^2], e => Assert.Equal(PresenceEventKind.Update, e.Kind));
        await Task.Delay(PresenceHarness.Heartbeat * 3);
        Assert.Equal(new PresenceCount(1, 1), await b.CountAsync(PresenceScope.Of(group)));
        Assert.False(a.IsTracked("conn-a"));
    }

    [Fact]
    public async Task After_the_store_lost_everything_watchers_see_no_leave_and_at_most_one_join_per_member()
    {
        var a = await Harness.StartAsync();
        var b = await Harness.StartAsync();
        var group = NewGroup();
        await using var watcher = await PresenceWatcher.StartAsync(b, PresenceScope.Of(group));
        await a.TrackAsync(group, "tab-a", new UserId("alice"), Json("""{"card":7}"""));
        await b.TrackAsync(group, "tab-b", new UserId("alice"), Json("""{"card":7}"""));
        await b.TrackAsync(group, "conn-bob", new UserId("bob"), default);
        Assert.Equal(2, (await Task.WhenAll(watcher.NextAsync(), watcher.NextAsync())).Count(e => e.Kind == PresenceEventKind.Join));

        await Harness.ForgetEverythingAsync();

        var joins = new Dictionary<string, int>(StringComparer.Ordinal);
        await Eventually.UntilAsync(async () => (await b.CountAsync(PresenceScope.Of(group))) == new PresenceCount(2, 3), LeaveBound, "every connection back in the store");
        await Eventually.UntilAsync(async () =>
        {
            // The watch is on again once a marker's join arrives (events while the store was away are not replayed).
            var marker = "marker-" + Guid.NewGuid().ToString("N")[..6];
            await a.TrackAsync(group, marker, null, default);
            try
            {
                while (true)
                {
                    var next = await watcher.NextAsync(TimeSpan.FromSeconds(1));
                    Assert.NotEqual(PresenceEventKind.Leave, next.Kind);
                    joins[next.MemberKey] = joins.GetValueOrDefault(next.MemberKey) + (next.Kind == PresenceEventKind.Join ? 1 : 0);
                    if (next.ConnectionId == marker)
                    {
                        return true;
                    }

                    Assert.True(next.MemberKey is "u:alice" or "u:bob" || next.MemberKey.StartsWith("c:marker-", StringComparison.Ordinal), $"Unexpected {next.Kind} of {next.MemberKey}.");
                }
            }
            catch (TimeoutException)
            {
                return false;
            }
        }, LeaveBound * 2, "a marker's join after the store came back");

        Assert.True(joins.GetValueOrDefault("u:alice") <= 1 && joins.GetValueOrDefault("u:bob") <= 1, $"Joins again: alice {joins.GetValueOrDefault("u:alice")}, bob {joins.GetValueOrDefault("u:bob")}.");
        Assert.Equal(2, (await b.ListAsync(PresenceScope.Of(group))).Count(m => m.MemberKey is "u:alice" or "u:bob"));
        Assert.Equal(2, Assert.Single(await a.ListAsync(PresenceScope.Of(group)), m => m.MemberKey == "u:alice").Connections.Count);
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
