using System.Diagnostics;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;
using Xunit.Abstractions;

namespace LiveTemplate.Typed.Redis.Tests.Faults;

/// <summary>
/// For a bounded time, a raw client publishes hostile messages into every channel kind an instance listens on,
/// while a real instance publishes valid ones: nothing crashes, every hostile message is counted as dropped,
/// and every valid message is still delivered.
/// </summary>
public abstract class HostileFloodTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan FloodFor = TimeSpan.FromSeconds(3);
    private RedisHarness _harness = null!;

    protected abstract string Where { get; }

    private protected abstract Task<RedisHarness> CreateHarnessAsync();

    public async Task InitializeAsync()
    {
        _harness = await CreateHarnessAsync();

        // Parsing is under test here, not Redis's output-buffer limit (it has its own fault test): a loaded test
        // process reading 10 MB messages slowly must not be disconnected by Redis and lose valid messages.
        await _harness.ConfigureEveryNodeAsync("client-output-buffer-limit", "pubsub 0 0 0");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Hostile_messages_into_every_channel_kind_are_all_dropped_and_counted_and_valid_ones_still_arrive()
    {
        var publisher = await _harness.StartInstanceAsync();
        var receiver = await _harness.StartInstanceAsync(registryOptions: new Connections.ConnectionRegistryOptions { OutboundQueueCapacity = 100_000 });
        var connection = await receiver.ConnectAsync("target", "victim");
        var names = _harness.Names;
        string[] channels =
        [
            names.Global, names.GroupBroadcast(new GroupId("target")), names.UserBroadcast(new UserId("victim")),
            names.ServerAction(new UserId("victim")), names.GroupAction(new GroupId("target")),
        ];
        var random = new Random(20261128);
        var hostileSent = 0;
        var validSent = 0;
        var expected = new Dictionary<DropReason, long>();
        var sentTo = new Dictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();

        while (clock.Elapsed < FloodFor)
        {
            var channel = channels[hostileSent % channels.Length];
            var index = hostileSent / channels.Length;
            await _harness.PublishRawAsync(channel, HostileFlood.Message(index, random));
            expected[HostileFlood.ReasonOf(index)] = expected.GetValueOrDefault(HostileFlood.ReasonOf(index)) + 1;
            sentTo[channel] = sentTo.GetValueOrDefault(channel) + 1;
            hostileSent++;
            if (hostileSent % 10 == 0)
            {
                await publisher.Broadcaster.PublishGroupActionAsync(new GroupId("target"), "valid", Utf8($$"""{"n":{{validSent++}}}"""));
            }
        }

        var received = await connection.Outbound.NextAsync(validSent, TimeSpan.FromSeconds(60));
        await Eventually.UntilAsync(() => Task.FromResult(HostileFlood.TotalDropped(receiver.Broadcaster.GetStatistics()) >= hostileSent), TimeSpan.FromSeconds(60), "every hostile message counted");
        var statistics = receiver.Broadcaster.GetStatistics();

        FaultLog.Write(output, $"{Where}: hostile flood for {FloodFor.TotalSeconds:F0} s", $"{hostileSent} hostile messages into {channels.Length} channel kinds, all dropped and counted ({string.Join(", ", statistics.Dropped.OrderBy(d => d.Key).Select(d => $"{d.Key} {d.Value}"))}); {validSent} valid messages among them, all delivered in order");
        Assert.Equal(0, statistics.Reconnects);
        Assert.Equal(hostileSent, HostileFlood.TotalDropped(statistics));
        Assert.Equal(expected.OrderBy(e => e.Key), statistics.Dropped.OrderBy(d => d.Key));

        // Each one logged once (event 1), with the channel it came on.
        var logged = receiver.Log.Entries.Where(e => e.EventId.Id == 1).GroupBy(e => (string)e.Fields["channel"]!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(sentTo.OrderBy(c => c.Key, StringComparer.Ordinal), logged.OrderBy(c => c.Key, StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(0, validSent).Select(n => $$"""{"n":{{n}}}"""), received.Select(m => System.Text.Encoding.UTF8.GetString(((GroupActionMessage)m).Data.Span)));
        Assert.Equal(0, statistics.DroppedFor(DropReason.HandlerError));
        Assert.True(statistics.DroppedFor(DropReason.Oversized) >= channels.Length, "every channel got at least one 10 MB message");
    }

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}

/// <summary>The hostile flood on one redis-server.</summary>
public sealed class SingleRedisHostileFloodTests(ITestOutputHelper output) : HostileFloodTests(output)
{
    protected override string Where => "single redis";

    private protected override Task<RedisHarness> CreateHarnessAsync() => RedisHarness.OnNewServerAsync(sharded: false);
}

/// <summary>The hostile flood on a Redis Cluster with sharded pub/sub.</summary>
public sealed class ClusterHostileFloodTests(ITestOutputHelper output, ClusterFixture cluster) : HostileFloodTests(output), IClassFixture<ClusterFixture>
{
    protected override string Where => "cluster";

    private protected override Task<RedisHarness> CreateHarnessAsync() => RedisHarness.OnClusterAsync(cluster.Cluster);
}
