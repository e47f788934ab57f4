using System.Diagnostics;
using System.Globalization;
using System.Text;
using LiveTemplate.Typed.Benchmarks.Harness;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Redis;
using LiveTemplate.Typed.Testing;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Benchmarks.History;

/// <summary>
/// What history costs on one redis-server: publish and end-to-end throughput and latency with it on and off (the
/// same code, alternating in the same run), Redis memory per retained message, and how long 1,000 channels take to
/// catch up after the subscriber's connection was killed.
/// </summary>
public static class HistoryPart
{
    private const int Groups = 100;

    public static async Task RunAsync(Report report, RunSettings settings, string endpoint)
    {
        report.Heading("History and recovery");
        report.Note($"Start: {MachineLoad.Describe()}.");
        var off = new List<Measured>();
        var on = new List<Measured>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            off.Add(await MeasureAsync(endpoint, HistoryKinds.None, settings));
            on.Add(await MeasureAsync(endpoint, HistoryKinds.GroupAction, settings));
        }

        var a = Median(off);
        var b = Median(on);
        report.Note($"Two instances (a publisher and a receiver, each its own multiplexer) over {Groups} groups; group actions with a 30-byte "
            + $"payload. Throughput: {settings.Window} publishes in flight for {settings.ThroughputSeconds} s; latency: one publish per millisecond "
            + $"for {settings.LatencySeconds} s, publish call to the receiver's handler. Median of {settings.Rounds} alternating round(s).");
        report.Table(["History", "Publish msg/s", "Delivered msg/s", "Latency p50", "Latency p99"],
        [
            Row("off", a), Row("on (group actions)", b),
            ["on / off", Report.Ratio(b.PublishRate, a.PublishRate), Report.Ratio(b.DeliveredRate, a.DeliveredRate), Report.Ratio(b.Latency.P50, a.Latency.P50), Report.Ratio(b.Latency.P99, a.Latency.P99)],
        ]);

        var (perMessage, envelope) = await MemoryPerMessageAsync(endpoint);
        report.Note($"Redis memory per retained message: {perMessage:N0} B (used_memory after 100,000 messages over 1,000 channels, all retained, minus before; the stamped envelope is {envelope} B).");

        var catchUps = new List<(TimeSpan Delivered, string Log)>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            catchUps.Add(await CatchUpAsync(endpoint));
        }

        report.Note("Recovery of 1,000 channels: the receiver follows 1,000 groups; its pub/sub connection is killed (CLIENT KILL TYPE pubsub) and "
            + "one message is published to every group at once; time from the kill until all 1,000 reached its handler, each round: "
            + string.Join("; ", catchUps.Select(c => $"{c.Delivered.TotalMilliseconds:N0} ms ({c.Log})")) + ".");
        report.Note($"End: {MachineLoad.Describe()}.");
    }

    private static IReadOnlyList<string> Row(string mode, Measured m) =>
        [mode, Report.Number(m.PublishRate), Report.Number(m.DeliveredRate), $"{m.Latency.P50:N0} µs", $"{m.Latency.P99:N0} µs"];

    private static Measured Median(List<Measured> runs) => runs.OrderBy(r => r.PublishRate).ElementAt(runs.Count / 2);

    private static async Task<Measured> MeasureAsync(string endpoint, HistoryKinds history, RunSettings settings)
    {
        await using var pair = await Pair.StartAsync(endpoint, history, Groups);
        var delivered = 0L;
        var latencies = new List<long>();
        var measuring = false;
        await pair.Receiver.SubscribeGroupActionsAsync(m =>
        {
            Interlocked.Increment(ref delivered);
            if (Volatile.Read(ref measuring))
            {
                var sent = long.Parse(Encoding.ASCII.GetString(m.Data.Span)[5..^1], CultureInfo.InvariantCulture);
                lock (latencies)
                {
                    latencies.Add(Stopwatch.GetTimestamp() - sent);
                }
            }

            return ValueTask.CompletedTask;
        });
        await pair.SubscribeAllAsync();

        // Throughput: a window of publishes in flight.
        var published = 0L;
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(settings.ThroughputSeconds);
        var startDelivered = Interlocked.Read(ref delivered);
        await Task.WhenAll(Enumerable.Range(0, settings.Window).Select(async w =>
        {
            for (var i = w; clock.Elapsed < until; i += settings.Window)
            {
                await pair.PublishAsync(i % Groups);
                Interlocked.Increment(ref published);
            }
        }));
        var publishRate = published / clock.Elapsed.TotalSeconds;
        var deliveredRate = (Interlocked.Read(ref delivered) - startDelivered) / clock.Elapsed.TotalSeconds;

        // Latency: one publish a millisecond.
        await Task.Delay(500);
        Volatile.Write(ref measuring, true);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(1));
        var latencyClock = Stopwatch.StartNew();
        for (var i = 0; latencyClock.Elapsed.TotalSeconds < settings.LatencySeconds && await timer.WaitForNextTickAsync(); i++)
        {
            _ = pair.PublishAsync(i % Groups);
        }

        await Task.Delay(500);
        Volatile.Write(ref measuring, false);
        long[] samples;
        lock (latencies)
        {
            samples = [.. latencies];
        }

        return new Measured(publishRate, deliveredRate, Percentiles.Of(samples));
    }

    private static async Task<(double PerMessage, int Envelope)> MemoryPerMessageAsync(string endpoint)
    {
        await using var pair = await Pair.StartAsync(endpoint, HistoryKinds.GroupAction, 1000);
        await using var admin = await ConnectionMultiplexer.ConnectAsync(endpoint + ",allowAdmin=true");
        await admin.GetServer(endpoint).FlushAllDatabasesAsync();
        var before = await RedisInfo.UsedMemoryAsync(admin, endpoint);
        const int Messages = 100_000;
        for (var start = 0; start < Messages; start += 1000)
        {
            await Task.WhenAll(Enumerable.Range(start, 1000).Select(i => pair.PublishAsync(i % 1000)));
        }

        var after = await RedisInfo.UsedMemoryAsync(admin, endpoint);
        var sample = (byte[])(await admin.GetDatabase().ListGetByIndexAsync((await admin.GetServer(endpoint).KeysAsync(pattern: "*|log").FirstAsync()), 0))!;
        return ((double)(after - before) / Messages, sample.Length);
    }

    private static async Task<(TimeSpan Delivered, string Log)> CatchUpAsync(string endpoint)
    {
        await using var pair = await Pair.StartAsync(endpoint, HistoryKinds.GroupAction, 1000);
        var heard = new HashSet<string>(StringComparer.Ordinal);
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await pair.Receiver.SubscribeGroupActionsAsync(m =>
        {
            lock (heard)
            {
                if (heard.Add(m.GroupId.Value) && heard.Count == 1000)
                {
                    all.TrySetResult();
                }
            }

            return ValueTask.CompletedTask;
        });
        await pair.SubscribeAllAsync();
        await using var admin = await ConnectionMultiplexer.ConnectAsync(endpoint + ",allowAdmin=true");

        var clock = Stopwatch.StartNew();
        await admin.GetServer(endpoint).ExecuteAsync("CLIENT", "KILL", "TYPE", "pubsub");
        await Task.WhenAll(Enumerable.Range(0, 1000).Select(pair.PublishAsync));
        await all.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var elapsed = clock.Elapsed;
        var caughtUp = await pair.ReceiverLog.WaitForAsync(e => e.Message.StartsWith("Recovered", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        return (elapsed, $"catch-up log: {caughtUp.Fields["recovered"]} recovered on {caughtUp.Fields["channels"]} channels in {caughtUp.Fields["elapsed_ms"]} ms");
    }

    private readonly record struct Measured(double PublishRate, double DeliveredRate, Percentiles Latency);

    /// <summary>A publisher and a receiver on their own multiplexers, with the same history setting.</summary>
    private sealed class Pair : IAsyncDisposable
    {
        private readonly ConnectionMultiplexer[] _multiplexers;
        private readonly GroupId[] _groups;
        private readonly ChannelNames _names = new("bench" + Guid.NewGuid().ToString("N")[..8]);

        private Pair(ConnectionMultiplexer[] multiplexers, int groups)
        {
            _multiplexers = multiplexers;
            _groups = Enumerable.Range(0, groups).Select(i => new GroupId("g" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
        }

        public RedisBroadcaster Publisher { get; private set; } = null!;

        public RedisBroadcaster Receiver { get; private set; } = null!;

        public RecordingLogger ReceiverLog { get; } = new RecordingLogger<RedisBroadcaster>();

        public static async Task<Pair> StartAsync(string endpoint, HistoryKinds history, int groups)
        {
            var pair = new Pair([await ConnectAsync(endpoint), await ConnectAsync(endpoint)], groups);
            RedisBroadcasterOptions Options() => new() { ChannelPrefix = pair._names.Prefix, History = history, ReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1) };
            pair.Publisher = new RedisBroadcaster(pair._multiplexers[0], Options());
            pair.Receiver = new RedisBroadcaster(pair._multiplexers[1], Options(), (RecordingLogger<RedisBroadcaster>)pair.ReceiverLog);
            return pair;
        }

        public Task SubscribeAllAsync() => Task.WhenAll(_groups.Select(g => Receiver.SubscribeToGroupActionAsync(g))).WaitAsync(TimeSpan.FromSeconds(60));

        public Task PublishAsync(int group)
            => Publisher.PublishGroupActionAsync(_groups[group], "tick", Encoding.ASCII.GetBytes($$"""{"t":{{Stopwatch.GetTimestamp()}}}"""));

        public async ValueTask DisposeAsync()
        {
            await Publisher.DisposeAsync();
            await Receiver.DisposeAsync();
            foreach (var multiplexer in _multiplexers)
            {
                await multiplexer.DisposeAsync();
            }
        }

        private static async Task<ConnectionMultiplexer> ConnectAsync(string endpoint)
        {
            var options = ConfigurationOptions.Parse(endpoint + ",abortConnect=false");
            options.ReconnectRetryPolicy = new LinearRetry(250);
            return await ConnectionMultiplexer.ConnectAsync(options);
        }
    }
}
