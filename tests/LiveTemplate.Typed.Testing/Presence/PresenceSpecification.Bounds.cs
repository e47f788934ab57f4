using LiveTemplate.Typed.Presence;
using Xunit;

namespace LiveTemplate.Typed.Testing.Presence;

/// <summary>The edges of what a store accepts (docs/presence.md, "The model"), and hostile but valid values kept verbatim.</summary>
public abstract partial class PresenceSpecification
{
    [Fact]
    public async Task A_connection_id_of_256_code_units_is_accepted_one_longer_or_with_an_unpaired_surrogate_is_refused()
    {
        var a = await Harness.StartAsync();
        var group = NewGroup();
        var longest = new string('c', 256);
        var nonAscii = "t\u00E4b-\U0001F600";

        await a.TrackAsync(group, longest, null, default);
        await a.TrackAsync(group, nonAscii, null, default);
        foreach (var refused in new[] { new string('c', 257), "tab\uD800", "\uDC00tab" })
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(() => a.TrackAsync(group, refused, null, default));
            Assert.Equal("connectionId", error.ParamName);
            Assert.False(a.IsTracked(refused));
        }

        var listed = (await a.ListAsync(PresenceScope.Of(group))).SelectMany(m => m.Connections).Select(c => c.ConnectionId);
        Assert.Equal(new[] { longest, nonAscii }.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Metadata_of_exactly_the_bound_is_accepted_and_one_byte_more_is_refused_by_track_and_update_alike()
    {
        var a = await Harness.StartAsync(o => o.MaxMetadataBytes = 64);
        var group = NewGroup();
        var exact = Json("{\"n\":\"" + new string('x', 64 - 8) + "\"}");
        var over = Json("{\"n\":\"" + new string('x', 64 - 7) + "\"}");
        Assert.Equal((64, 65), (exact.Length, over.Length));

        await a.TrackAsync(group, "conn-a", null, exact);
        await Assert.ThrowsAsync<ArgumentException>(() => a.UpdateAsync("conn-a", over));
        await Assert.ThrowsAsync<ArgumentException>(() => a.TrackAsync(group, "conn-b", null, over));

        Assert.False(a.IsTracked("conn-b"));
        Assert.Equal(Text(exact), Text(Assert.Single(await a.ListAsync(PresenceScope.Of(group))).Metadata));
    }

    [Fact]
    public async Task Metadata_with_tabs_newlines_and_non_ascii_and_ids_with_separators_reach_the_other_instance_verbatim()
    {
        // The Redis store keeps a connection tab-separated and keys a scope by its id: none of this may shift a field.
        var a = await Harness.StartAsync();
        var b = await Harness.StartAsync();
        var group = new GroupId("g|c:" + Guid.NewGuid().ToString("N")[..6] + "|m {*}");
        var user = new UserId("u:x|c*?[" + Guid.NewGuid().ToString("N")[..6]);
        var metadata = "{\t\"name\" :\n\"Zo\u00EB \U0001F600\",\r\n\"q\":\"a\\tb\\\"c|m\"\t}";
        await using var watcher = await PresenceWatcher.StartAsync(b, PresenceScope.Of(group));

        await a.TrackAsync(group, "conn|c", user, Json(metadata));

        var join = await watcher.NextAsync(what: "the join");
        Assert.Equal((PresenceEventKind.Join, "u:" + user.Value, user, "conn|c", metadata), (join.Kind, join.MemberKey, join.UserId, join.ConnectionId, Text(join.Metadata)));
        var member = Assert.Single(await b.ListAsync(PresenceScope.Of(group)));
        Assert.Equal(("u:" + user.Value, (UserId?)user, metadata), (member.MemberKey, member.UserId, Text(member.Metadata)));
        var connection = Assert.Single(member.Connections);
        Assert.Equal(("conn|c", a.InstanceId, metadata), (connection.ConnectionId, connection.InstanceId, Text(connection.Metadata)));
        Assert.Equal(metadata, Text(Assert.Single(await b.ListAsync(PresenceScope.Of(user))).Metadata));

        await a.UntrackAsync("conn|c");
        var leave = await watcher.NextAsync(what: "the leave");
        Assert.Equal((PresenceEventKind.Leave, "conn|c"), (leave.Kind, leave.ConnectionId));
        Assert.Empty(await b.ListAsync(PresenceScope.Of(group)));
        Assert.Equal(default, await b.CountAsync(PresenceScope.Of(user)));
    }
    [Fact]
    public async Task Concurrent_changes_from_two_instances_reach_every_watcher_on_every_instance_once_in_one_order()
    {
        var a = await Harness.StartAsync();
        var b = await Harness.StartAsync();
        var c = await Harness.StartAsync();
        var group = NewGroup();
        await using var onA = await PresenceWatcher.StartAsync(a, PresenceScope.Of(group));
        await using var onB = await PresenceWatcher.StartAsync(b, PresenceScope.Of(group));
        await using var onC = await PresenceWatcher.StartAsync(c, PresenceScope.Of(group));
        const int perInstance = 10;

        async Task ChurnAsync(PresenceTracker tracker, string name)
        {
            for (var i = 0; i < perInstance; i++)
            {
                var id = $"{name}-{i}";
                await tracker.TrackAsync(group, id, null, Json("""{"v":0}"""));
                await tracker.UpdateAsync(id, Json("""{"v":1}"""));
                await tracker.UntrackAsync(id);
            }
        }

        await Task.WhenAll(ChurnAsync(a, "a"), ChurnAsync(b, "b"));

        const int expected = 2 * perInstance * 3; // join, update, leave of each connection (each its own member)
        var seen = new List<List<string>>();
        foreach (var watcher in new[] { onA, onB, onC })
        {
            var events = new List<string>();
            for (var i = 0; i < expected; i++)
            {
                var e = await watcher.NextAsync(what: $"event {i}");
                events.Add($"{e.Kind} {e.ConnectionId} {Text(e.Metadata)}");
            }

            await Assert.ThrowsAsync<TimeoutException>(() => watcher.NextAsync(TimeSpan.FromMilliseconds(200)));
            seen.Add(events);
        }

        Assert.Equal(expected, seen[0].Distinct().Count()); // each change once
        Assert.Equal(seen[0], seen[1]);
        Assert.Equal(seen[0], seen[2]);
        Assert.Equal(default, await c.CountAsync(PresenceScope.Of(group)));
    }
}
