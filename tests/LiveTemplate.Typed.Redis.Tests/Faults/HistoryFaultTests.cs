using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace LiveTemplate.Typed.Redis.Tests.Faults;

/// <summary>
/// Faults of one redis-server under 2,000 messages a second over 1,000 groups, with history on group actions: of the
/// messages whose publish succeeded none is lost, doubled or reordered where the history holds them, and wherever it
/// cannot (a restart that lost them) the group is told, never silently short.
/// </summary>
public sealed class HistoryFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];
    private RedisServer _server = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    [Fact]
    public async Task Subscriber_connection_killed_nothing_is_lost_doubled_or_reordered()
    {
        var load = await StartAsync();
        var admin = Own(await _server.ConnectAsync("allowAdmin=true"));

        var faultAt = load.Now;
        await admin.GetServer(_server.Endpoint).ExecuteAsync("CLIENT", "KILL", "TYPE", "pubsub");
        var report = await FinishAsync(load, faultAt, "history: CLIENT KILL TYPE pubsub");

        AssertExact(report);
    }

    [Fact]
    public async Task Subscriber_over_the_output_buffer_limit_nothing_is_lost_doubled_or_reordered()
    {
        var load = await StartAsync();
        var admin = Own(await _server.ConnectAsync("allowAdmin=true"));
        await admin.GetServer(_server.Endpoint).ExecuteAsync("CONFIG", "SET", "client-output-buffer-limit", "pubsub 65536 0 0");
        var channel = RedisChannel.Literal(new ChannelNames().GroupAction(new GroupId("h0")));
        var big = $$"""{"type":"group_action","groupID":"h0","action":"big","data":{"blob":"{{new string('x', 200 * 1024)}}"},"seq":1,"timestamp":"2026-11-27T10:15:31Z","instanceID":"burst"}""";

        var faultAt = load.Now;
        await admin.GetSubscriber().PublishAsync(channel, big);
        var report = await FinishAsync(load, faultAt, "history: subscriber over client-output-buffer-limit (pubsub hard limit 64 KB, one 200 KB message)");

        AssertExact(report);
    }

    [Fact]
    public async Task Redis_paused_for_five_seconds_nothing_is_lost_doubled_or_reordered()
    {
        var load = await StartAsync();

        var faultAt = load.Now;
        _server.Pause();
        await Task.Delay(TimeSpan.FromSeconds(5));
        _server.Resume();
        var report = await FinishAsync(load, faultAt, "history: SIGSTOP for 5 s, then SIGCONT");

        AssertExact(report);
    }

    [Fact]
    public async Task Redis_restarted_without_persistence_every_short_group_is_told_none_is_silently_short()
    {
        var load = await StartAsync();

        var faultAt = load.Now;
        await _server.RestartAsync();
        var report = await FinishAsync(load, faultAt, "history: redis-server killed and restarted without persistence");

        AssertNothingSilent(report);
        Assert.True(report.GroupsReported > 0, "A restart without persistence loses every stream: its groups are told.");
    }

    [Fact]
    public async Task Redis_restarted_with_appendfsync_always_nothing_that_succeeded_is_lost()
    {
        var load = await StartAsync("--appendonly", "yes", "--appendfsync", "always");

        var faultAt = load.Now;
        await _server.RestartAsync();
        var report = await FinishAsync(load, faultAt, "history: redis-server killed and restarted, appendonly yes, appendfsync always");

        AssertNothingSilent(report);
        Assert.Equal(0, report.LostReported);
    }

    [Fact]
    public async Task Redis_restarted_with_appendfsync_everysec_whatever_it_lost_is_told()
    {
        var load = await StartAsync("--appendonly", "yes", "--appendfsync", "everysec");

        var faultAt = load.Now;
        await _server.RestartAsync();
        var report = await FinishAsync(load, faultAt, "history: redis-server killed and restarted, appendonly yes, appendfsync everysec");

        AssertNothingSilent(report);
    }

    internal static void AssertExact(HistoryReport report)
    {
        Assert.Equal(0, report.LostSilently);
        Assert.Equal(0, report.LostReported);
        Assert.Equal(0, report.Duplicates);
        Assert.Equal(0, report.OutOfOrder);
    }

    /// <summary>
    /// After a restart: no group silently short, nothing twice. (Order by publish is not asserted here: a restarted Redis
    /// lost its script cache, and the publishes in flight retried with EVAL may land after later ones; every receiver
    /// still gets the stream's one order. docs/recovery.md says so; the report counts them.)
    /// </summary>
    internal static void AssertNothingSilent(HistoryReport report)
    {
        Assert.Equal(0, report.GroupsSilentlyShort);
        Assert.Equal(0, report.Duplicates);
    }

    private async Task<HistoryLoad> StartAsync(params string[] redisArguments)
    {
        _server = Own(await RedisServer.StartAsync(true, redisArguments));
        var publisher = await StartBroadcasterAsync();
        var receiver = await StartBroadcasterAsync();
        var load = await HistoryLoad.StartAsync(publisher, receiver);
        await load.WaitForDeliveryAfterAsync(load.Now, TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(1));
        return load;
    }

    private async Task<HistoryReport> FinishAsync(HistoryLoad load, TimeSpan faultAt, string fault)
    {
        await load.WaitForDeliveryAfterAsync(load.Now, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var report = await load.StopAsync(faultAt, settle: TimeSpan.FromSeconds(30));
        FaultLog.Write(output, fault + " (2,000 msg/s over 1,000 groups)", report);
        return report;
    }

    private async Task<RedisBroadcaster> StartBroadcasterAsync()
    {
        var multiplexer = Own(await _server.ConnectAsync());
        var options = new RedisBroadcasterOptions { History = HistoryKinds.GroupAction, ReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1) };
        return Own(new RedisBroadcaster(multiplexer, options, new RecordingLogger<RedisBroadcaster>()));
    }

    private T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
