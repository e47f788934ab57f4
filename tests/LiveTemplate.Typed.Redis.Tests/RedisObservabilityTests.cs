using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using LiveTemplate.Typed.Diagnostics;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis.Tests;

/// <summary>docs/observability.md and docs/pubsub.md#metrics over a real redis-server: what a dashboard is built on.</summary>
public sealed class RedisObservabilityTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private RedisHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await RedisHarness.OnNewServerAsync(sharded: false);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Every_instrument_has_the_documented_name_kind_and_unit_and_carries_the_instance_tag()
    {
        var a = await _harness.StartInstanceAsync();
        var seen = new ConcurrentBag<(string Name, string Kind, string? Unit)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, _) =>
        {
            if (instrument.Meter.Name == LiveTemplateMeter.Name && IsOf(instrument.Meter, a.Broadcaster.InstanceId))
            {
                seen.Add((instrument.Name, KindOf(instrument), instrument.Unit));
            }
        };
        listener.Start();

        (string, string, string?)[] documented =
        [
            (LiveTemplateMeter.Published, "counter", "{message}"),
            (LiveTemplateMeter.Received, "counter", "{message}"),
            (LiveTemplateMeter.Delivered, "counter", "{message}"),
            (LiveTemplateMeter.Dropped, "counter", "{message}"),
            (LiveTemplateMeter.Reconnects, "counter", "{reconnect}"),
            (LiveTemplateMeter.Recovered, "counter", "{message}"),
            (LiveTemplateMeter.NotRecovered, "counter", "{loss}"),
            (LiveTemplateMeter.ActiveSubscriptions, "up-down counter", "{channel}"),
            (LiveTemplateMeter.ActiveConnections, "up-down counter", "{connection}"),
            (LiveTemplateMeter.DeliveryLag, "histogram", "ms"),
        ];
        Assert.Equal(
            documented.Select(d => d.Item1).Order(StringComparer.Ordinal),
            seen.Select(s => s.Name).Distinct().Order(StringComparer.Ordinal));
        foreach (var (name, kind, unit) in documented)
        {
            Assert.All(seen.Where(s => s.Name == name), s => Assert.Equal((name, kind, unit), s));
        }

        Assert.Equal(
            ["livetemplate.messages.published", "livetemplate.messages.received", "livetemplate.messages.delivered", "livetemplate.messages.dropped", "livetemplate.reconnects", "livetemplate.messages.recovered", "livetemplate.streams.not_recovered", "livetemplate.subscriptions.active", "livetemplate.connections.active", "livetemplate.delivery.lag"],
            documented.Select(d => d.Item1));
        Assert.Equal("LiveTemplate.Typed", LiveTemplateMeter.Name);
        Assert.Equal("livetemplate.instance", LiveTemplateMeter.InstanceTag);
    }

    [Fact]
    public async Task Delivery_lag_is_recorded_by_kind_for_messages_from_other_instances_and_never_for_the_publishers_own()
    {
        var a = await _harness.StartInstanceAsync();
        var b = await _harness.StartInstanceAsync();
        await a.ConnectAsync("g", "u");
        var onB = await b.ConnectAsync("g", "u");
        var topic = new Topic("news");
        var topicArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await b.Broadcaster.SubscribeTopicActionsAsync(_ =>
        {
            topicArrived.TrySetResult();
            return ValueTask.CompletedTask;
        });
        await b.Broadcaster.SubscribeToTopicAsync(topic);
        using var onA = LagListener.Start(a.Broadcaster.InstanceId);
        using var lagOnB = LagListener.Start(b.Broadcaster.InstanceId);

        await a.Broadcaster.PublishServerActionAsync(new UserId("u"), "sa", default);
        await a.Broadcaster.PublishGroupActionAsync(new GroupId("g"), "ga", default);
        await a.Broadcaster.PublishToGroupAsync(new GroupId("g"), "group"u8.ToArray());
        await a.Broadcaster.PublishToUserAsync(new UserId("u"), "user"u8.ToArray());
        await a.Broadcaster.PublishGlobalAsync("everyone"u8.ToArray());
        await a.Broadcaster.PublishToTopicAsync(topic, "ta", default);
        await onB.Outbound.NextAsync(5);
        await topicArrived.Task.WaitAsync(Eventually.MessageTimeout);

        Assert.Equal(
            ["broadcast", "broadcast", "broadcast", "group_action", "server_action", "topic_action"],
            lagOnB.Measurements.Select(m => m.Kind).Order(StringComparer.Ordinal));
        Assert.All(lagOnB.Measurements, m => Assert.InRange(m.Milliseconds, 0, 10_000)); // one machine, one clock
        Assert.Empty(onA.Measurements); // delivered locally first, its echo dropped: no hop through Redis to measure
    }

    [Fact]
    public async Task A_message_without_a_publish_time_is_delivered_without_a_lag_measurement()
    {
        // A Go envelope always has a timestamp; one without (or with Go's zero time, which a Go publisher that never set
        // it sends) has no publish time to measure from. Recorded, it was a lag of two thousand years: one such message
        // made the histogram's sum and mean, and every bucket-based percentile near it, meaningless.
        var b = await _harness.StartInstanceAsync();
        var onB = await b.ConnectAsync("g");
        using var lag = LagListener.Start(b.Broadcaster.InstanceId);
        var channel = b.Broadcaster.Channels.GroupAction(new GroupId("g"));
        var now = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        await _harness.PublishRawAsync(channel, Encoding.UTF8.GetBytes("""{"type":"group_action","groupID":"g","action":"no-time","instanceID":"go"}"""));
        await _harness.PublishRawAsync(channel, Encoding.UTF8.GetBytes("""{"type":"group_action","groupID":"g","action":"zero-time","timestamp":"0001-01-01T00:00:00Z","instanceID":"go"}"""));
        await _harness.PublishRawAsync(channel, Encoding.UTF8.GetBytes($$"""{"type":"group_action","groupID":"g","action":"timed","timestamp":"{{now}}","instanceID":"go"}"""));

        Assert.Equal(["no-time", "zero-time", "timed"], (await onB.Outbound.NextAsync(3)).Select(m => ((GroupActionMessage)m).Action));
        var measured = Assert.Single(lag.Measurements);
        Assert.Equal("group_action", measured.Kind);
        Assert.InRange(measured.Milliseconds, 0, 10_000);
    }

    [Fact]
    public async Task Active_subscriptions_follow_the_references_while_redis_is_away_and_redis_holds_exactly_them_once_back()
    {
        // docs/observability.md: "while Redis is away they still count, and are subscribed again when it returns".
        var server = await RedisServer.StartAsync();
        await using var _ = server;
        await using var multiplexer = await server.ConnectAsync();
        var log = new RecordingLogger<RedisBroadcaster>();
        await using var broadcaster = new RedisBroadcaster(multiplexer, new RedisBroadcasterOptions { ReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1) }, log);
        await broadcaster.SubscribeToGroupActionAsync(new GroupId("before"));
        await broadcaster.SubscribeToGroupActionAsync(new GroupId("left-during"));
        Assert.Equal(2, broadcaster.GetStatistics().ActiveSubscriptions);

        await server.KillAsync();
        var joining = broadcaster.SubscribeToGroupActionAsync(new GroupId("joined-during"));
        await broadcaster.UnsubscribeFromGroupActionAsync(new GroupId("left-during")).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, broadcaster.GetStatistics().ActiveSubscriptions);
        Assert.Equal(2, ObserveActiveSubscriptions(broadcaster.InstanceId));

        await server.StartAgainAsync();
        await joining.WaitAsync(TimeSpan.FromSeconds(30));
        var expected = new[] { "before", "joined-during" }.Select(g => broadcaster.Channels.GroupAction(new GroupId(g))).Order(StringComparer.Ordinal).ToList();
        await using var raw = await server.ConnectAsync("allowAdmin=true");
        IReadOnlyList<string> held = [];
        try
        {
            await Eventually.UntilAsync(
                async () => (held = (await raw.GetServer(server.Endpoint).SubscriptionChannelsAsync(RedisChannel.Pattern(broadcaster.Channels.Prefix + ":*"))).Select(c => c.ToString()).Order(StringComparer.Ordinal).ToList()).SequenceEqual(expected),
                TimeSpan.FromSeconds(30),
                "exactly the wanted channels on Redis");
        }
        catch (TimeoutException)
        {
            foreach (var e in log.Entries)
            {
                output.WriteLine($"{e.EventId.Id} {e.Level} {e.Message} {e.Exception?.GetType().Name} {e.Exception?.Message}");
            }

            Assert.Equal(expected, held);
        }

        Assert.Equal(2, broadcaster.GetStatistics().ActiveSubscriptions);
    }

    private static long ObserveActiveSubscriptions(string instanceId)
    {
        long value = -1;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == LiveTemplateMeter.ActiveSubscriptions && IsOf(instrument.Meter, instanceId))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, v, _, _) => value = v);
        listener.SetMeasurementEventCallback<long>((_, v, _, _) => value = v);
        listener.Start();
        listener.RecordObservableInstruments();
        return value;
    }

    private static bool IsOf(Meter meter, string instanceId)
        => meter.Tags?.Any(t => t.Key == LiveTemplateMeter.InstanceTag && (string?)t.Value == instanceId) == true;

    private static string KindOf(Instrument instrument)
    {
        var type = instrument.GetType();
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return definition == typeof(Counter<>) || definition == typeof(ObservableCounter<>) ? "counter"
            : definition == typeof(UpDownCounter<>) || definition == typeof(ObservableUpDownCounter<>) ? "up-down counter"
            : definition == typeof(Histogram<>) ? "histogram"
            : type.Name;
    }

    /// <summary>Records one instance's delivery-lag measurements with their kind tag.</summary>
    private sealed class LagListener : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string? Kind, double Milliseconds)> _measurements = new();

        public IReadOnlyList<(string? Kind, double Milliseconds)> Measurements => [.. _measurements];

        public static LagListener Start(string instanceId)
        {
            var lag = new LagListener();
            lag._listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == LiveTemplateMeter.DeliveryLag && IsOf(instrument.Meter, instanceId))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            lag._listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            {
                string? kind = null;
                foreach (var tag in tags)
                {
                    kind = tag.Key == LiveTemplateMeter.KindTag ? (string?)tag.Value : kind;
                }

                lag._measurements.Enqueue((kind, value));
            });
            lag._listener.Start();
            return lag;
        }

        public void Dispose() => _listener.Dispose();
    }
}
