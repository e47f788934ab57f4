using System.Diagnostics;
using System.Globalization;
using LiveTemplate.Typed.Benchmarks.CrossInstance;
using LiveTemplate.Typed.Benchmarks.Harness;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Redis;
using LiveTemplate.Typed.Testing;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Benchmarks.Subscriptions;

/// <summary>
/// Subscription scale: how long a RedisBroadcaster takes to subscribe 10,000 and 100,000 group-action channels (all
/// requested at once, each confirmed by Redis), what Redis's memory grows by, and, after redis-server is killed and
/// started again on the same port, how long until every one of those groups delivers a message again.
/// </summary>
public static class SubscriptionScalePart
{
    public static async Task RunAsync(Report report, RunSettings settings)
    {
        report.Heading("Subscription scale");
        report.Note($"Start: {MachineLoad.Describe()}.");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var groups in settings.Quick ? new[] { 10_000 } : [10_000, 100_000])
        {
            rows.Add(await RunOneAsync(groups));
        }

        report.Note("A fresh redis-server for each size. Subscribe: SubscribeToGroupActionAsync for every group at once, until all are confirmed. "
            + "Memory: INFO memory used_memory after minus before. Restart: from the SIGKILL of redis-server (started again on the same port at once) "
            + "until a message published by another instance to each group has reached this one's handler (probes are re-sent every 250 ms to the groups not yet heard).");
        report.Table(["Groups", "Subscribe all", "Per group", "Redis memory for them", "Per group", "Restart until all deliver", "Reconnected log: dynamic channels"], rows);
        report.Note($"End: {MachineLoad.Describe()}.");
    }

    private static async Task<IReadOnlyList<string>> RunOneAsync(int groups)
    {
        await using var redis = await RedisServer.StartAsync();
        using var admin = await ConnectionMultiplexer.ConnectAsync($"{redis.Endpoint},allowAdmin=true,abortConnect=false");
        using var redisA = await redis.ConnectAsync();
        using var redisB = await redis.ConnectAsync();
        var log = new ReconnectLog();
        await using var publisher = new RedisBroadcaster(redisA, new RedisBroadcasterOptions { ReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1) });
        await using var receiver = new RedisBroadcaster(redisB, new RedisBroadcasterOptions { ReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1) }, log);
        var ids = Enumerable.Range(0, groups).Select(i => new GroupId("g-" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
        var heard = new int[groups];
        var heardCount = 0;
        var allHeard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await receiver.SubscribeGroupActionsAsync(message =>
        {
            var index = int.Parse(message.GroupId.Value.AsSpan(2), CultureInfo.InvariantCulture);
            if (Interlocked.Exchange(ref heard[index], 1) == 0 && Interlocked.Increment(ref heardCount) == groups)
            {
                allHeard.TrySetResult();
            }

            return ValueTask.CompletedTask;
        });

        var memoryBefore = await RedisInfo.UsedMemoryAsync(admin, redis.Endpoint);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(ids.Select(id => receiver.SubscribeToGroupActionAsync(id)));
        var subscribe = clock.Elapsed;
        var memory = await RedisInfo.UsedMemoryAsync(admin, redis.Endpoint) - memoryBefore;
        Console.WriteLine($"   {groups:N0} groups: subscribed in {subscribe.TotalMilliseconds:N0} ms, {memory:N0} bytes");

        clock.Restart();
        await redis.RestartAsync();
        var data = "{}"u8.ToArray();
        while (!allHeard.Task.IsCompleted && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            var probes = new List<Task>();
            for (var i = 0; i < groups; i++)
            {
                if (Volatile.Read(ref heard[i]) == 0)
                {
                    probes.Add(publisher.PublishGroupActionAsync(ids[i], "probe", data));
                }
            }

            await Task.WhenAll(probes).ContinueWith(_ => { }, TaskScheduler.Default); // failures while Redis is away are expected
            await Task.WhenAny(allHeard.Task, Task.Delay(250));
        }

        var restore = clock.Elapsed;
        var restored = allHeard.Task.IsCompleted ? $"{restore.TotalSeconds:N2} s" : $"not all within {restore.TotalSeconds:N0} s ({heardCount:N0} of {groups:N0})";
        Console.WriteLine($"   restart: {restored}");
        return [
            Report.Number(groups),
            $"{subscribe.TotalMilliseconds:N0} ms",
            $"{subscribe.TotalMicroseconds / groups:N1} µs",
            $"{memory / 1024.0 / 1024.0:N1} MiB",
            $"{(double)memory / groups:N0} B",
            restored,
            log.DynamicChannels?.ToString("N0", CultureInfo.InvariantCulture) ?? "(not logged)",
        ];
    }

    /// <summary>Picks the <c>dynamic_channels</c> field out of the broadcaster's "Reconnected successfully" log.</summary>
    private sealed class ReconnectLog : Microsoft.Extensions.Logging.ILogger<RedisBroadcaster>
    {
        public int? DynamicChannels { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Information;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> fields && fields.FirstOrDefault(f => f.Key == "dynamic_channels").Value is int channels)
            {
                DynamicChannels = channels;
            }
        }
    }
}
