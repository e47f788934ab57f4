using System.Diagnostics;
using System.Globalization;
using LiveTemplate.Typed.Benchmarks.CrossInstance;
using LiveTemplate.Typed.Benchmarks.Harness;
using LiveTemplate.Typed.Redis;
using LiveTemplate.Typed.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Benchmarks.Subscriptions;

/// <summary>
/// Subscription scale: how long it takes to subscribe 10,000 and 100,000 groups (all requested at once, each confirmed
/// by Redis), what Redis's memory grows by, and, after redis-server is killed and started again on the same port, how
/// long until every one of those groups delivers a message again. LiveTemplate.Typed subscribes group-action
/// channels through its RedisBroadcaster; SignalR's RedisHubLifetimeManager adds one connection to every group.
/// </summary>
public static class SubscriptionScalePart
{
    private static readonly TimeSpan RestoreLimit = TimeSpan.FromMinutes(2);

    public static async Task RunAsync(Report report, RunSettings settings)
    {
        report.Heading("Subscription scale");
        report.Note($"Start: {MachineLoad.Describe()}.");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var groups in settings.Quick ? new[] { 10_000 } : [10_000, 100_000])
        {
            var ours = await OursAsync(groups);
            var signalR = await SignalRAsync(groups);
            rows.Add(Row(groups, "LiveTemplate.Typed", ours));
            rows.Add(Row(groups, "SignalR Redis backplane", signalR));
            rows.Add([Report.Number(groups), "ours / SignalR (time: lower is better)", Report.Ratio(ours.Subscribe.TotalMilliseconds, signalR.Subscribe.TotalMilliseconds), string.Empty,
                Report.Ratio(ours.Memory, signalR.Memory), string.Empty, Report.Ratio(ours.Restore.TotalMilliseconds, signalR.Restore.TotalMilliseconds), string.Empty]);
        }

        report.Note("A fresh redis-server for each size and peer. Subscribe: every group at once, until Redis has confirmed all. "
            + "Memory: INFO memory used_memory after minus before. Restart: from the SIGKILL of redis-server (started again on the same port at once) "
            + "until a message published by another instance to each group has reached this one (probes are re-sent every 250 ms to the groups not yet heard). "
            + "Both reconnect with StackExchange.Redis's settings from the test fixture (reconnect every 250 ms); since the multiplexer reconnects on its "
            + "once-a-second heartbeat, the kill falls half a second into that heartbeat for both.");
        report.Table(["Groups", "Peer", "Subscribe all", "Per group", "Redis memory for them", "Per group", "Restart until all deliver", "Reconnected log: dynamic channels"], rows);
        report.Note($"End: {MachineLoad.Describe()}.");
    }

    private static IReadOnlyList<string> Row(int groups, string peer, Result result) =>
    [
        Report.Number(groups),
        peer,
        $"{result.Subscribe.TotalMilliseconds:N0} ms",
        $"{result.Subscribe.TotalMicroseconds / groups:N1} µs",
        $"{result.Memory / 1024.0 / 1024.0:N1} MiB",
        $"{(double)result.Memory / groups:N0} B",
        result.Heard == groups ? $"{result.Restore.TotalSeconds:N2} s" : $"not all within {RestoreLimit.TotalSeconds:N0} s ({result.Heard:N0} of {groups:N0})",
        result.Reconnected,
    ];

    private static async Task<Result> OursAsync(int groups)
    {
        await using var redis = await RedisServer.StartAsync();
        var connected = Stopwatch.StartNew();
        using var redisA = await redis.ConnectAsync();
        using var redisB = await redis.ConnectAsync();
        var options = new RedisBroadcasterOptions { ReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1) };
        var log = new ReconnectLog();
        await using var publisher = new RedisBroadcaster(redisA, options);
        await using var receiver = new RedisBroadcaster(redisB, options, log);
        var ids = Enumerable.Range(0, groups).Select(i => new GroupId("g-" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
        var heard = new HeardGroups(groups);
        await receiver.SubscribeGroupActionsAsync(message =>
        {
            heard.Mark(int.Parse(message.GroupId.Value.AsSpan(2), CultureInfo.InvariantCulture));
            return ValueTask.CompletedTask;
        });

        var data = "{}"u8.ToArray();
        var result = await MeasureAsync(
            redis,
            connected,
            groups,
            () => Task.WhenAll(ids.Select(id => receiver.SubscribeToGroupActionAsync(id))),
            i => publisher.PublishGroupActionAsync(ids[i], "probe", data),
            heard);
        return result with { Reconnected = log.DynamicChannels?.ToString("N0", CultureInfo.InvariantCulture) ?? "(not logged)" };
    }

    private static async Task<Result> SignalRAsync(int groups)
    {
        await using var redis = await RedisServer.StartAsync();
        var connected = Stopwatch.StartNew();
        var multiplexers = new List<IConnectionMultiplexer>();
        var options = Options.Create(new RedisOptions
        {
            ConnectionFactory = async _ =>
            {
                var multiplexer = await redis.ConnectAsync();
                lock (multiplexers)
                {
                    multiplexers.Add(multiplexer);
                }

                return multiplexer;
            },
        });
        var protocol = new JsonHubProtocol();
        var resolver = new SingleProtocolResolver(protocol);
        var publisher = new RedisHubLifetimeManager<ScaleHub>(NullLogger<RedisHubLifetimeManager<ScaleHub>>.Instance, options, resolver);
        var receiver = new RedisHubLifetimeManager<ScaleHub>(NullLogger<RedisHubLifetimeManager<ScaleHub>>.Instance, options, resolver);
        var connection = new SignalRTestConnection("member", protocol, userId: null);
        await receiver.OnConnectedAsync(connection.Hub);
        var heard = new HeardGroups(groups);
        var reading = Task.Run(() => connection.ReadMessagesAsync(index => heard.Mark((int)index)));
        var names = Enumerable.Range(0, groups).Select(i => "g-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        await publisher.SendGroupAsync("warm-up", "probe", [0L]); // connects A before the clock starts

        var result = await MeasureAsync(
            redis,
            connected,
            groups,
            () => Task.WhenAll(names.Select(name => receiver.AddToGroupAsync(connection.Hub.ConnectionId, name))),
            i => publisher.SendGroupAsync(names[i], "probe", [(long)i]),
            heard);

        await receiver.OnDisconnectedAsync(connection.Hub);
        await connection.Output.Writer.CompleteAsync();
        await reading;

        // The managers unsubscribe when disposed, so they go before the multiplexers they were given.
        publisher.Dispose();
        receiver.Dispose();
        foreach (var multiplexer in multiplexers)
        {
            await multiplexer.DisposeAsync();
        }

        return result with { Reconnected = "n/a" };
    }

    private static async Task<Result> MeasureAsync(RedisServer redis, Stopwatch connected, int groups, Func<Task> subscribeAll, Func<int, Task> probe, HeardGroups heard)
    {
        using var admin = await ConnectionMultiplexer.ConnectAsync($"{redis.Endpoint},allowAdmin=true,abortConnect=false");
        var memoryBefore = await RedisInfo.UsedMemoryAsync(admin, redis.Endpoint);
        var clock = Stopwatch.StartNew();
        await subscribeAll();
        var subscribe = clock.Elapsed;
        var memory = await RedisInfo.UsedMemoryAsync(admin, redis.Endpoint) - memoryBefore;
        Console.WriteLine($"   {groups:N0} groups: subscribed in {subscribe.TotalMilliseconds:N0} ms, {memory:N0} bytes");

        // StackExchange.Redis reconnects on its heartbeat (once a second, counted from when the multiplexer connected),
        // so the time to recover depends on where in that second the kill falls: kill both peers half a second in.
        await Task.Delay(TimeSpan.FromMilliseconds((1500 - (connected.Elapsed.TotalMilliseconds % 1000)) % 1000));
        clock.Restart();
        await redis.RestartAsync();
        while (!heard.All.IsCompleted && clock.Elapsed < RestoreLimit)
        {
            var probes = new List<Task>();
            for (var i = 0; i < groups; i++)
            {
                if (!heard.Has(i))
                {
                    probes.Add(probe(i));
                }
            }

            await Task.WhenAll(probes).ContinueWith(_ => { }, TaskScheduler.Default); // failures while Redis is away are expected
            await Task.WhenAny(heard.All, Task.Delay(250));
        }

        var restore = clock.Elapsed;
        Console.WriteLine($"   restart: {restore.TotalSeconds:N2} s, {heard.Count:N0} of {groups:N0} heard");
        return new Result(subscribe, memory, restore, heard.Count, string.Empty);
    }

    private sealed record Result(TimeSpan Subscribe, long Memory, TimeSpan Restore, int Heard, string Reconnected);

    /// <summary>Which groups have delivered a probe since the restart.</summary>
    private sealed class HeardGroups(int groups)
    {
        private readonly int[] _heard = new int[groups];
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        public Task All => _all.Task;

        public int Count => Volatile.Read(ref _count);

        public bool Has(int index) => Volatile.Read(ref _heard[index]) != 0;

        public void Mark(int index)
        {
            if (index >= 0 && index < _heard.Length && Interlocked.Exchange(ref _heard[index], 1) == 0 && Interlocked.Increment(ref _count) == _heard.Length)
            {
                _all.TrySetResult();
            }
        }
    }

    /// <summary>SignalR needs a hub type; no method is invoked on it.</summary>
    public sealed class ScaleHub : Hub;

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
