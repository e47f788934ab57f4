using System.Text;
using LiveTemplate.Typed.Presence;
using Xunit;

namespace LiveTemplate.Typed.Testing.Presence;

/// <summary>
/// The behaviour every presence store must have, written once and run against each (in memory, Redis, a Redis
/// Cluster) with several instances on one store. A derived class only says how to build the store.
/// </summary>
public abstract partial class PresenceSpecification : IAsyncLifetime
{
    private PresenceHarness? _harness;

    /// <summary>The shared store of the current test.</summary>
    protected PresenceHarness Harness => _harness ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Builds a new, empty store for one test.</summary>
    protected abstract Task<PresenceHarness> CreateHarnessAsync();

    public async Task InitializeAsync() => _harness = await CreateHarnessAsync().ConfigureAwait(false);

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A group id of its own per test; braces included, so that a cluster must keep the scope in one slot anyway.</summary>
    protected static GroupId NewGroup() => new("board{" + Guid.NewGuid().ToString("N")[..6] + "}-1");

    protected static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    protected static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    [Fact]
    public async Task Tracked_connections_are_listed_on_every_instance_with_user_metadata_and_since()
    {
        var a = await Harness.StartAsync();
        var b = await Harness.StartAsync();
        var group = NewGroup();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await a.TrackAsync(group, "conn-a", new UserId("alice"), Json("""{"name":"Alice","card":3}"""));
        await b.TrackAsync(group, "conn-b", null, Json("""{"name":"Guest"}"""));

        foreach (var instance in new[] { a, b })
        {
            var members = await instance.ListAsync(PresenceScope.Of(group));
            Assert.Equal(2, members.Count);
            var alice = Assert.Single(members, m => m.UserId == new UserId("alice"));
            Assert.Equal("u:alice", alice.MemberKey);
            Assert.Equal("conn-a", Assert.Single(alice.Connections).ConnectionId);
            Assert.Equal("""{"name":"Alice","card":3}""", Text(alice.Metadata));
            Assert.InRange(alice.Since, before, DateTimeOffset.UtcNow.AddSeconds(1));
            var guest = Assert.Single(members, m => m.UserId is null);
            Assert.Equal("c:conn-b", guest.MemberKey);
            Assert.Equal(b.InstanceId, guest.Connections[0].InstanceId);
        }

        Assert.Equal(new PresenceCount(2, 2), await a.CountAsync(PresenceScope.Of(group)));
    }

    [Fact]
    public async Task A_user_with_three_tabs_joins_once_and_leaves_once()
    {
        var a = await Harness.StartAsync();
        var b = await Harness.StartAsync();
        var group = NewGroup();
        await using var watcher = await PresenceWatcher.StartAsync(b, PresenceScope.Of(group));
        var meta = Json("""{"name":"Alice"}""");
        await a.TrackAsync(group, "tab-1", new UserId("alice"), meta);
        await b.TrackAsync(group, "tab-2", new UserId("alice"), meta);
        await a.TrackAsync(group, "tab-3", new UserId("alice"), meta);

        var join = await watcher.NextAsync(what: "alice's join");
        Assert.Equal((PresenceEventKind.Join, "u:alice", "tab-1"), (join.Kind, join.MemberKey, join.ConnectionId));
        var member = Assert.Single(await a.ListAsync(PresenceScope.Of(group)));
        Assert.Equal(3, member.Connections.Count);
        Assert.Equal(new PresenceCount(1, 3), await b.CountAsync(PresenceScope.Of(group)));

        await a.UntrackAsync("tab-1");
        await b.UntrackAsync("tab-2");
        await a.TrackAsync(group, "marker-1", null, Json("{}"));
        await watcher.ExpectNextJoinOfAsync("marker-1");

        await a.UntrackAsync("tab-3");
        var leave = await watcher.NextAsync(what: "alice's leave");
        Assert.Equal((PresenceEventKind.Leave, "u:alice", "tab-3"), (leave.Kind, leave.MemberKey, leave.ConnectionId));
        Assert.Equal(new UserId("alice"), leave.UserId);
    }

    [Fact]
    public async Task A_member_shows_the_metadata_its_remaining_tabs_set_last_when_the_tab_it_showed_leaves()
    {
        var a = await Harness.StartAsync();
        var b = await Harness.StartAsync();
        var group = NewGroup();
        await using var watcher = await PresenceWatcher.StartAsync(b, PresenceScope.Of(group));
        await a.TrackAsync(group, "tab-1", new UserId("alice"), Json("""{"card":1}"""));
        await b.TrackAsync(group, "tab-2", new UserId("alice"), Json("""{"card":2}"""));
        await Task.Delay(5);   // the Redis store keeps times in milliseconds: tab-3's must be later than tab-2's
        await a.TrackAsync(group, "tab-3", new UserId("alice"), Json("""{"card":3}"""));
        await a.UpdateAsync("tab-1", Json("""{"card":11}"""));
        Assert.Equal(PresenceEventKind.Join, (await watcher.NextAsync(what: "alice's join")).Kind);
        for (var card = 2; card <= 3; card++)
        {
            Assert.Equal($$"""{"card":{{card}}}""", Text((await watcher.NextAsync(what: $"tab-{card}'s update")).Metadata));
        }

        Assert.Equal("""{"card":11}""", Text((await watcher.NextAsync(what: "tab-1's update")).Metadata));

        // tab-1 set the member's metadata last: when it leaves, the member shows tab-3's (set after tab-2's).
        await a.UntrackAsync("tab-1");
        var shown = await watcher.NextAsync(what: "the member's metadata of its remaining tabs");
        Assert.Equal((PresenceEventKind.Update, "u:alice", """{"card":3}"""), (shown.Kind, shown.MemberKey, Text(shown.Metadata)));
        Assert.Equal("""{"card":3}""", Text(Assert.Single(await b.ListAsync(PresenceScope.Of(group))).Metadata));

        // tab-2 is not what the member shows: its leave changes nothing.
        await b.UntrackAsync("tab-2");
        await a.TrackAsync(group, "marker-1", null, Json("{}"));
        await watcher.ExpectNextJoinOfAsync("marker-1");
        Assert.Equal("""{"card":3}""", Text(Assert.Single(await a.ListAsync(PresenceScope.Of(group)), m => m.MemberKey == "u:alice").Metadata));
    }

    [Fact]
    public async Task Per_connection_members_join_and_leave_with_each_tab()
    {
        var a = await Harness.StartAsync(o => o.Events = PresenceEvents.PerConnection);
        var group = NewGroup();
        await using var watcher = await PresenceWatcher.StartAsync(a, PresenceScope.Of(group));
        await a.TrackAsync(group, "tab-1", new UserId("alice"), default);
        await a.TrackAsync(group, "tab-2", new UserId("alice"), default);
        await a.UntrackAsync("tab-1");

        var events = new[] { await watcher.NextAsync(), await watcher.NextAsync(), await watcher.NextAsync() };
        Assert.Equal(
            [(PresenceEventKind.Join, "c:tab-1"), (PresenceEventKind.Join, "c:tab-2"), (PresenceEventKind.Leave, "c:tab-1")],
            events.Select(e => (e.Kind, e.MemberKey)));
        Assert.All(events, e => Assert.Equal(new UserId("alice"), e.UserId));
        Assert.Equal("{}", Text(events[0].Metadata));
    }

    [Fact]
    public async Task Updates_reach_other_instances_in_order_and_an_unchanged_one_is_not_announced()
    {
        var a = await Harness.StartAsync();
        var b = await Harness.StartAsync();
        var group = NewGroup();
        await using var watcher = await PresenceWatcher.StartAsync(b, PresenceScope.Of(group));
        await a.TrackAsync(group, "conn-a", new UserId("alice"), Json("""{"card":0}"""));
        for (var card = 1; card <= 20; card++)
        {
            await a.UpdateAsync("conn-a", Json($$"""{"card":{{card}}}"""));
        }

        await a.UpdateAsync("conn-a", Json("""{"card":20}"""));
        await a.UntrackAsync("conn-a");

        Assert.Equal(PresenceEventKind.Join, (await watcher.NextAsync()).Kind);
        for (var card = 1; card <= 20; card++)
        {
            var update = await watcher.NextAsync(what: $"update {card}");
            Assert.Equal(PresenceEventKind.Update, update.Kind);
            Assert.Equal($$"""{"card":{{card}}}""", Text(update.Metadata));
        }

        var leave = await watcher.NextAsync(what: "the leave, right after the last real update");
        Assert.Equal(PresenceEventKind.Leave, leave.Kind);
        Assert.Equal("""{"card":20}""", Text(leave.Metadata));
    }

    [Fact]
    public async Task An_instance_cannot_update_or_untrack_a_connection_it_does_not_hold()
    {
        var a = await Harness.StartAsync();
        var b = await Harness.StartAsync();
        var group = NewGroup();
        await a.TrackAsync(group, "conn-a", new UserId("alice"), Json("""{"name":"Alice"}"""));

        await Assert.ThrowsAsync<InvalidOperationException>(() => b.UpdateAsync("conn-a", Json("""{"name":"Mallory"}""")));
        Assert.False(await b.UntrackAsync("conn-a"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => a.TrackAsync(group, "conn-a", new UserId("mallory"), default));

        var member = Assert.Single(await b.ListAsync(PresenceScope.Of(group)));
        Assert.Equal(("u:alice", """{"name":"Alice"}"""), (member.MemberKey, Text(member.Metadata)));
    }

    [Theory]
    [InlineData("""{"name":""")]
    [InlineData("""["not","an","object"]""")]
    [InlineData("""{"a":1}{"b":2}""")]
    public async Task Malformed_metadata_is_refused_and_changes_nothing(string metadata)
    {
        var a = await Harness.StartAsync();
        var group = NewGroup();
        await a.TrackAsync(group, "conn-a", null, Json("""{"ok":true}"""));

        await Assert.ThrowsAsync<ArgumentException>(() => a.UpdateAsync("conn-a", Json(metadata)));
        await Assert.ThrowsAsync<ArgumentException>(() => a.TrackAsync(group, "conn-b", null, Json(metadata)));

        Assert.False(a.IsTracked("conn-b"));
        Assert.Equal("""{"ok":true}""", Text(Assert.Single(await a.ListAsync(PresenceScope.Of(group))).Metadata));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\tb")]
    [InlineData("line\nbreak")]
    public async Task A_connection_id_that_breaks_the_scope_id_rules_is_refused_and_nothing_is_stored(string connectionId)
    {
        var a = await Harness.StartAsync();
        var group = NewGroup();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => a.TrackAsync(group, connectionId, null, Json("""{"ok":true}""")));
        await Assert.ThrowsAsync<ArgumentException>(() => a.UpdateAsync(connectionId, Json("""{"ok":true}""")));
        await Assert.ThrowsAsync<ArgumentException>(() => a.UntrackAsync(connectionId));

        Assert.Equal("connectionId", refused.ParamName);
        Assert.False(a.IsTracked(connectionId));
        Assert.Empty(await a.ListAsync(PresenceScope.Of(group)));
        await Assert.ThrowsAsync<ArgumentNullException>(() => a.TrackAsync(group, null!, null, Json("""{"ok":true}""")));
    }

    [Fact]
    public async Task Metadata_over_the_bound_is_refused_naming_the_bound()
    {
        var a = await Harness.StartAsync(o => o.MaxMetadataBytes = 64);
        var group = NewGroup();
        var big = Json("{\"name\":\"" + new string('x', 60) + "\"}");

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => a.TrackAsync(group, "conn-a", null, big));
        Assert.Contains("at most 64 bytes", refused.Message);
        Assert.Equal(default, await a.CountAsync(PresenceScope.Of(group)));
    }

    [Fact]
    public async Task A_user_scope_lists_the_users_own_connections_across_groups_and_instances()
    {
        var a = await Harness.StartAsync();
        var b = await Harness.StartAsync();
        var alice = new UserId("alice-" + Guid.NewGuid().ToString("N")[..6]);
        await a.TrackAsync(NewGroup(), "phone", alice, Json("""{"device":"phone"}"""));
        await b.TrackAsync(NewGroup(), "laptop", alice, Json("""{"device":"laptop"}"""));

        var devices = await a.ListAsync(PresenceScope.Of(alice));
        Assert.Equal(["c:laptop", "c:phone"], devices.Select(d => d.MemberKey).Order(StringComparer.Ordinal));
        Assert.Equal(new PresenceCount(2, 2), await b.CountAsync(PresenceScope.Of(alice)));
    }

    [Fact]
    public async Task Disposing_an_instance_announces_its_members_leave_at_once()
    {
        var a = await Harness.StartAsync(o => o.Timeout = TimeSpan.FromMinutes(1));
        var b = await Harness.StartAsync();
        var group = NewGroup();
        await using var watcher = await PresenceWatcher.StartAsync(b, PresenceScope.Of(group));
        await a.TrackAsync(group, "conn-a", new UserId("alice"), default);
        Assert.Equal(PresenceEventKind.Join, (await watcher.NextAsync()).Kind);

        await a.DisposeAsync();

        // Well before the (one minute) timeout could have removed it.
        Assert.Equal(PresenceEventKind.Leave, (await watcher.NextAsync(TimeSpan.FromSeconds(5))).Kind);
        Assert.Equal(default, await b.CountAsync(PresenceScope.Of(group)));
    }

    [Fact]
    public async Task Watching_stops_when_the_handle_is_disposed()
    {
        var a = await Harness.StartAsync();
        var group = NewGroup();
        var stopped = await PresenceWatcher.StartAsync(a, PresenceScope.Of(group));
        await using var still = await PresenceWatcher.StartAsync(a, PresenceScope.Of(group));
        await stopped.DisposeAsync();

        await a.TrackAsync(group, "conn-a", null, default);

        await still.ExpectNextJoinOfAsync("conn-a");
        await Assert.ThrowsAsync<TimeoutException>(() => stopped.NextAsync(TimeSpan.FromMilliseconds(300)));
    }
}
