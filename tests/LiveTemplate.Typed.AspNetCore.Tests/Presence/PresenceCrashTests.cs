using System.Diagnostics;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.Testing.Processes;
using Xunit.Abstractions;
using static LiveTemplate.Typed.AspNetCore.Tests.Presence.BoardProcesses;

namespace LiveTemplate.Typed.AspNetCore.Tests.Presence;

/// <summary>
/// Presence when an instance dies or freezes, against real processes: two instances of the TeamBoard sample on one
/// redis-server, browsers (WebSockets) on instance X, a browser on instance Y watching the board. SIGKILL of X: its
/// members leave on Y within the bound. SIGSTOP shorter than the timeout: nothing leaves or re-joins. SIGSTOP longer:
/// X's members leave, and when X carries on it re-asserts them (they join again).
/// </summary>
[Collection(PresenceProcessCollection.Name)]
public sealed class PresenceCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>A killed instance's members leave within its timeout plus a heartbeat of the survivor; a generous margin for a loaded machine on top.</summary>
    private static readonly TimeSpan LeaveBound = LivenessTimeout + Heartbeat + TimeSpan.FromSeconds(3);

    private BoardProcesses _boards = null!;
    private AppProcess _x = null!;
    private AppProcess _y = null!;

    public async Task InitializeAsync()
    {
        _boards = await BoardProcesses.StartAsync();
        _x = await _boards.StartInstanceAsync("X");
        _y = await _boards.StartInstanceAsync("Y");
    }

    public async Task DisposeAsync() => await _boards.DisposeAsync();

    [Fact]
    public async Task A_killed_instance_has_its_members_leave_on_the_other_instance_within_the_bound()
    {
        await using var bobOnY = await WatchOnYAsync("crash");
        var aliceTab1 = await OpenBoardAsync(_x, "crash", "alice");
        var aliceTab2 = await OpenBoardAsync(_x, "crash", "alice");
        var guest = await OpenBoardAsync(_x, "crash", null);
        var joins = new[] { await NextPresenceAsync(bobOnY, "a join"), await NextPresenceAsync(bobOnY, "a join") };
        Assert.All(joins, j => Assert.Equal("join", j.Get("event")));
        Assert.Equal(["c:" + guest.ConnectionId, "u:alice"], joins.Select(j => j.Get("member")).Order(StringComparer.Ordinal));

        var clock = Stopwatch.StartNew();
        await _x.KillAsync();
        var leaves = new[] { await NextPresenceAsync(bobOnY, "a leave after SIGKILL"), await NextPresenceAsync(bobOnY, "a leave after SIGKILL") };
        var elapsed = clock.Elapsed;
        output.WriteLine($"SIGKILL to both leaves on Y: {elapsed.TotalMilliseconds:N0} ms (timeout {LivenessTimeout.TotalSeconds} s, heartbeat {Heartbeat.TotalMilliseconds} ms).");

        Assert.All(leaves, l => Assert.Equal("leave", l.Get("event")));
        Assert.Equal(["c:" + guest.ConnectionId, "u:alice"], leaves.Select(l => l.Get("member")).Order(StringComparer.Ordinal));
        Assert.True(elapsed < LeaveBound, $"The leaves took {elapsed}, more than {LeaveBound}.");
        Assert.Equal(["u:bob"], await MembersOnYAsync(bobOnY));
        foreach (var client in new[] { aliceTab1, aliceTab2, guest })
        {
            await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_pause_shorter_than_the_timeout_neither_removes_nor_rejoins_the_paused_instances_members()
    {
        await using var bobOnY = await WatchOnYAsync("short-pause");
        await using var alice = await OpenBoardAsync(_x, "short-pause", "alice");
        Assert.Equal(("join", "u:alice"), Describe(await NextPresenceAsync(bobOnY, "alice's join")));

        await _x.PauseAsync();
        await Task.Delay(LivenessTimeout / 3);    // the freeze itself
        await _x.ResumeAsync();
        await Task.Delay(LivenessTimeout);        // as long again as a lost liveness would take to be noticed

        // A marker: alice edits card 1. Had she left or re-joined, that would have come first (a scope has one order).
        await alice.SendActionAsync("edit-card", """{"cardId":1}""");
        var next = await NextPresenceAsync(bobOnY, "alice's update, the marker");
        Assert.Equal(("update", "u:alice"), Describe(next));
        Assert.Equal(1, next.Data.GetProperty("editingCardId").GetInt32());
        Assert.Equal(["u:alice", "u:bob"], await MembersOnYAsync(bobOnY));
    }

    [Fact]
    public async Task A_pause_longer_than_the_timeout_removes_the_members_and_the_instance_reasserts_them_when_it_carries_on()
    {
        await using var bobOnY = await WatchOnYAsync("long-pause");
        await using var alice = await OpenBoardAsync(_x, "long-pause", "alice");
        await alice.SendActionAsync("edit-card", """{"cardId":2}""");
        Assert.Equal(("join", "u:alice"), Describe(await NextPresenceAsync(bobOnY, "alice's join")));
        Assert.Equal(("update", "u:alice"), Describe(await NextPresenceAsync(bobOnY, "alice's update")));

        var clock = Stopwatch.StartNew();
        await _x.PauseAsync();
        Assert.Equal(("leave", "u:alice"), Describe(await NextPresenceAsync(bobOnY, "alice's leave while X is frozen")));
        Assert.True(clock.Elapsed < LeaveBound, $"The leave took {clock.Elapsed}, more than {LeaveBound}.");
        Assert.Equal(["u:bob"], await MembersOnYAsync(bobOnY));

        await _x.ResumeAsync();
        var rejoin = await NextPresenceAsync(bobOnY, "alice's join again, re-asserted by X");
        Assert.Equal(("join", "u:alice"), Describe(rejoin));
        Assert.Equal(2, rejoin.Data.GetProperty("editingCardId").GetInt32());
        Assert.Equal(["u:alice", "u:bob"], await MembersOnYAsync(bobOnY));

        // X's connection is live again: its changes reach Y.
        await alice.SendActionAsync("edit-card", """{"cardId":3}""");
        Assert.Equal(("update", "u:alice"), Describe(await NextPresenceAsync(bobOnY, "alice's next update")));
    }

    /// <summary>Bob on instance Y, watching the board; his own join and the first list come first.</summary>
    private async Task<LiveClient> WatchOnYAsync(string board)
    {
        var bob = await OpenBoardAsync(_y, board, "bob");
        var list = await NextPresenceAsync(bob, "bob's first list");
        Assert.Equal("presence-list", list.Type);
        if (list.Root.GetProperty("members").GetArrayLength() == 0)
        {
            // Bob's own track raced the list: his join follows.
            Assert.Equal(("join", "u:bob"), Describe(await NextPresenceAsync(bob, "bob's own join")));
        }

        return bob;
    }

    private static async Task<string[]> MembersOnYAsync(LiveClient client)
    {
        await client.SendAsync("""{"presence":"list"}""");
        var list = await NextPresenceAsync(client, "the list");
        Assert.Equal("presence-list", list.Type);
        return [.. list.Root.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("member").GetString()!).Order(StringComparer.Ordinal)];
    }

    private static (string?, string?) Describe(Frame frame) => (frame.Get("event"), frame.Get("member"));
}
