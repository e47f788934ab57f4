using System.Diagnostics.Metrics;
using System.Text;
using LiveTemplate.Typed.Diagnostics;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Redis.History;
using LiveTemplate.Typed.Testing;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis.Tests;

/// <summary>
/// What the Redis history needs of the server itself: keys in the channel's cluster slot whatever the ids contain,
/// and a script that keeps working after the server forgot it (SCRIPT FLUSH, a restart).
/// </summary>
public sealed class HistoryOnRedisTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Theory]
    [InlineData("board-42")]
    [InlineData("{a}b")]
    [InlineData("}{")]
    [InlineData("x{}y{z}")]
    [InlineData("{{{")]
    [InlineData("ünï{cødé}")]
    public async Task History_keys_hash_to_the_channel_s_own_slot_whatever_the_id_contains(string id)
    {
        await using var client = await cluster.Cluster.ConnectAsync("allowAdmin=true");
        var server = client.GetServer(client.GetEndPoints()[0]);
        var channel = new ChannelNames().GroupAction(new GroupId(id));

        var channelSlot = (long)await server.ExecuteAsync("CLUSTER", "KEYSLOT", channel);
        Assert.Equal(channelSlot, ClusterSlot.Of(channel));
        foreach (var key in HistoryKeys.For(channel))
        {
            Assert.Equal(channelSlot, (long)await server.ExecuteAsync("CLUSTER", "KEYSLOT", (string)key!));
        }
    }

    [Fact]
    public async Task Every_slot_has_a_tag_that_redis_puts_in_that_slot()
    {
        await using var client = await cluster.Cluster.ConnectAsync("allowAdmin=true");
        var server = client.GetServer(client.GetEndPoints()[0]);
        foreach (var slot in new[] { 0, 1, 8191, 12182, 16383 })
        {
            Assert.Equal(slot, (long)await server.ExecuteAsync("CLUSTER", "KEYSLOT", "{" + ClusterSlot.TagFor(slot) + "}anything"));
        }

        Assert.Equal(ClusterSlot.Count, Enumerable.Range(0, ClusterSlot.Count).Select(ClusterSlot.TagFor).Distinct().Count());
    }

    [Fact]
    public async Task After_the_server_forgot_the_scripts_publishing_and_reading_go_on_with_contiguous_positions()
    {
        await using var server = await RedisServer.StartAsync();
        await using var multiplexer = await server.ConnectAsync("allowAdmin=true");
        await using var broadcaster = new RedisBroadcaster(multiplexer, new RedisBroadcasterOptions { History = HistoryKinds.GroupAction });
        var group = new GroupId("scripts");

        await broadcaster.PublishGroupActionAsync(group, "one", default);
        await multiplexer.GetServer(server.Endpoint).ExecuteAsync("SCRIPT", "FLUSH");
        await broadcaster.PublishGroupActionAsync(group, "two", default);
        await multiplexer.GetServer(server.Endpoint).ExecuteAsync("SCRIPT", "FLUSH");
        var read = await broadcaster.ReadStreamAsync(ChannelKind.GroupAction, group.Value, null);

        Assert.Equal(2UL, read.Head!.Value.Offset);
        var all = await broadcaster.ReadStreamAsync(ChannelKind.GroupAction, group.Value, read.Head.Value with { Offset = 0 });
        Assert.Equal(["one", "two"], all.Messages.Select(m => ((GroupActionMessage)m).Action));
    }

    [Fact]
    public async Task The_stamped_envelope_on_the_channel_is_the_one_in_the_history_and_ends_with_the_position()
    {
        await using var server = await RedisServer.StartAsync();
        await using var multiplexer = await server.ConnectAsync();
        await using var broadcaster = new RedisBroadcaster(multiplexer, new RedisBroadcasterOptions { History = HistoryKinds.GroupAction });
        var channel = broadcaster.Channels.GroupAction(new GroupId("wire"));
        var live = await multiplexer.GetSubscriber().SubscribeAsync(RedisChannel.Literal(channel));

        await broadcaster.PublishGroupActionAsync(new GroupId("wire"), "moved", """{"cardId":1}"""u8.ToArray());
        var published = (byte[])(await live.ReadAsync().AsTask().WaitAsync(Eventually.MessageTimeout)).Message!;
        var kept = (byte[])(await multiplexer.GetDatabase().ListGetByIndexAsync(HistoryKeys.For(channel)[1], 0))!;

        Assert.Equal(published, kept);
        var text = Encoding.UTF8.GetString(published);
        Assert.Matches("""^\{"type":"group_action",.*"instanceID":"[^"]+","epoch":"[0-9a-f]+","pos":1\}$""", text);
    }
    [Fact]
    public async Task A_resuming_reader_that_cannot_read_the_history_is_counted_as_unavailable()
    {
        await using var server = await RedisServer.StartAsync();
        await using var multiplexer = await server.ConnectAsync();
        await using var broadcaster = new RedisBroadcaster(multiplexer, new RedisBroadcasterOptions { History = HistoryKinds.GroupAction });
        var group = new GroupId("away");
        await broadcaster.PublishGroupActionAsync(group, "one", default);
        var head = (await broadcaster.ReadStreamAsync(ChannelKind.GroupAction, group.Value, null)).Head!.Value;

        await server.KillAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => broadcaster.ReadStreamAsync(ChannelKind.GroupAction, group.Value, head with { Offset = 0 }).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Equal(1, broadcaster.GetStatistics().NotRecovered);
        var reasons = new List<string?>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == LiveTemplateMeter.NotRecovered && instrument.Meter.Tags?.Any(t => Equals(t.Value, broadcaster.InstanceId)) == true)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, count, tags, _) =>
        {
            foreach (var tag in tags)
            {
                reasons.Add($"{tag.Value}={count}");
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        Assert.Equal(["unavailable=1"], reasons);
    }
    [Fact]
    public async Task A_history_entry_rewritten_with_another_position_is_dropped_counted_and_skipped()
    {
        await using var server = await RedisServer.StartAsync();
        await using var multiplexer = await server.ConnectAsync();
        await using var broadcaster = new RedisBroadcaster(multiplexer, new RedisBroadcasterOptions { History = HistoryKinds.GroupAction });
        var group = new GroupId("rewritten");
        foreach (var action in new[] { "one", "two", "three" })
        {
            await broadcaster.PublishGroupActionAsync(group, action, default);
        }

        // Someone with access to Redis moves the second entry to another position.
        var log = HistoryKeys.For(broadcaster.Channels.GroupAction(group))[1];
        var second = Encoding.UTF8.GetString((byte[])(await multiplexer.GetDatabase().ListGetByIndexAsync(log, 1))!);
        await multiplexer.GetDatabase().ListSetByIndexAsync(log, 1, second.Replace("\"pos\":2}", "\"pos\":7}", StringComparison.Ordinal));
        var head = (await broadcaster.ReadStreamAsync(ChannelKind.GroupAction, group.Value, null)).Head!.Value;

        var read = await broadcaster.ReadStreamAsync(ChannelKind.GroupAction, group.Value, head with { Offset = 0 });

        Assert.Equal(["one", "three"], read.Messages.Select(m => ((GroupActionMessage)m).Action));
        Assert.Equal(1, broadcaster.GetStatistics().DroppedFor(DropReason.NotInStream));
    }
}
