using LiveTemplate.Typed.Testing;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis.Tests.Faults;

/// <summary>
/// What every fault test under steady load shares: two broadcasters on the Redis under test (a publisher and a
/// receiver, each with its own multiplexer), the load between them, and the checks that recovery was clean.
/// </summary>
public abstract class LoadedFaultTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);
    private readonly List<IAsyncDisposable> _owned = [];

    /// <summary>Whether the broadcasters use sharded pub/sub.</summary>
    protected abstract bool Sharded { get; }

    /// <summary>Starts the Redis under test.</summary>
    protected abstract Task StartRedisAsync();

    /// <summary>A multiplexer on the Redis under test, configured as an application should.</summary>
    protected abstract Task<ConnectionMultiplexer> ConnectAsync(string? extraConfiguration = null);

    public Task InitializeAsync() => StartRedisAsync();

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    /// <summary>Checks what must hold after any fault: delivery resumed, and nothing lost, doubled or reordered after it.</summary>
    internal static void AssertRecovered(LoadReport report)
    {
        Assert.NotNull(report.DeliveryResumedAfter);
        Assert.Equal(0, report.LostAfterResumption);
        Assert.Equal(0, report.Duplicates);
        Assert.Equal(0, report.OutOfOrder);
    }

    /// <summary>Starts the load on group "load" and waits until it is flowing.</summary>
    private protected async Task<(SteadyLoad Load, RecordingLogger ReceiverLog)> StartLoadAsync()
    {
        var (publisher, _) = await StartBroadcasterAsync();
        var (receiver, log) = await StartBroadcasterAsync();
        var load = await SteadyLoad.StartAsync(publisher, receiver, new GroupId("load"), Interval);
        await load.WaitForDeliveryAfterAsync(TimeSpan.Zero, TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        return (load, log);
    }

    /// <summary>Waits for delivery after the fault, lets a second of traffic flow, and reports.</summary>
    private protected static async Task<LoadReport> FinishAsync(SteadyLoad load, TimeSpan faultAt)
    {
        await load.WaitForDeliveryAfterAsync(faultAt, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1));
        return await load.StopAsync(faultAt, settle: TimeSpan.FromMilliseconds(500));
    }

    /// <summary>Disposes <paramref name="disposable"/> when the test ends.</summary>
    protected T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    private async Task<(RedisBroadcaster Broadcaster, RecordingLogger Log)> StartBroadcasterAsync()
    {
        var multiplexer = Own(await ConnectAsync());
        var log = new RecordingLogger<RedisBroadcaster>();
        var options = new RedisBroadcasterOptions { UseShardedPubSub = Sharded, ReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1) };
        return (Own(new RedisBroadcaster(multiplexer, options, log)), log);
    }
}
