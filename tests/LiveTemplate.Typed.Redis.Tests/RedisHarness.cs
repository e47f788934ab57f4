using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;
using LiveTemplate.Typed.Testing.Specification;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis.Tests;

/// <summary>
/// Redis as the shared transport: one server or a cluster, plain or sharded pub/sub. Each instance gets its own
/// multiplexer, as separate processes would; a raw client answers PUBSUB questions summed over every node.
/// </summary>
internal sealed class RedisHarness : BroadcasterHarness
{
    private readonly Func<Task<ConnectionMultiplexer>> _connect;
    private readonly bool _sharded;
    private readonly IAsyncDisposable? _server;
    private readonly List<ConnectionMultiplexer> _multiplexers = [];
    private ConnectionMultiplexer _rawClient = null!;

    private RedisHarness(Func<Task<ConnectionMultiplexer>> connect, bool sharded, IAsyncDisposable? server)
    {
        _connect = connect;
        _sharded = sharded;
        _server = server;
    }

    /// <summary>A fresh redis-server of its own, disposed with the harness.</summary>
    public static async Task<RedisHarness> OnNewServerAsync(bool sharded)
    {
        var server = await RedisServer.StartAsync();
        return await StartAsync(new RedisHarness(() => server.ConnectAsync("allowAdmin=true"), sharded, server));
    }

    /// <summary>A cluster shared with other tests (channel prefixes keep them apart); sharded pub/sub unless <paramref name="sharded"/> is false (classic pub/sub, forwarded over the cluster bus).</summary>
    public static Task<RedisHarness> OnClusterAsync(RedisCluster cluster, bool sharded = true) => StartAsync(new RedisHarness(() => cluster.ConnectAsync("allowAdmin=true"), sharded, server: null));

    private static async Task<RedisHarness> StartAsync(RedisHarness harness)
    {
        harness._rawClient = await harness._connect();
        return harness;
    }

    protected override async Task<(ChannelBroadcaster Broadcaster, RecordingLogger Log)> CreateBroadcasterAsync(Action<BroadcasterOptions> configure)
    {
        var multiplexer = await _connect();
        lock (_multiplexers)
        {
            _multiplexers.Add(multiplexer);
        }

        var options = new RedisBroadcasterOptions { ReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1), UseShardedPubSub = _sharded };
        configure(options);
        var log = new RecordingLogger<RedisBroadcaster>();
        return (new RedisBroadcaster(multiplexer, options, log), log);
    }

    // Routed by the channel's slot, as the broadcaster publishes: on a cluster, a raw message and the broadcaster's next
    // one then start on the same node, and the cluster bus keeps their order.
    public override Task PublishRawAsync(string channel, ReadOnlyMemory<byte> message)
        => _rawClient.GetSubscriber().PublishAsync(_sharded ? RedisChannel.Sharded(channel) : RedisChannel.Literal(channel).WithKeyRouting(), message);

    public override Task PublishRawClassicAsync(string channel, ReadOnlyMemory<byte> message)
        => _rawClient.GetSubscriber().PublishAsync(RedisChannel.Literal(channel).WithKeyRouting(), message);

    public override async Task<long> CountSubscribersAsync(string channel)
    {
        long total = 0;
        foreach (var reply in await OnEveryNodeAsync(_sharded ? "SHARDNUMSUB" : "NUMSUB", channel))
        {
            total += (long)((RedisResult[])reply!)[1];
        }

        return total;
    }

    public override async Task<long> CountPatternSubscriptionsAsync()
        => (await OnEveryNodeAsync("NUMPAT")).Sum(r => (long)r);

    public override async Task<IReadOnlyList<string>> ActiveChannelsAsync()
        => (await OnEveryNodeAsync(_sharded ? "SHARDCHANNELS" : "CHANNELS"))
            .SelectMany(r => (RedisResult[])r!)
            .Select(r => r.ToString())
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Deletes the history keys of this harness's channels on every node, as a restart without persistence loses them.</summary>
    public override async Task ForgetHistoryAsync()
    {
        foreach (var endpoint in _rawClient.GetEndPoints())
        {
            var server = _rawClient.GetServer(endpoint);
            if (server.IsReplica)
            {
                continue;
            }

            await foreach (var key in server.KeysAsync(pattern: "*" + Names.Prefix + ":*"))
            {
                await _rawClient.GetDatabase().KeyDeleteAsync(key);
            }
        }
    }

    /// <summary>Runs CONFIG SET on every node (as an operator would).</summary>
    public async Task ConfigureEveryNodeAsync(string parameter, string value)
    {
        var admin = await _connect();
        lock (_multiplexers)
        {
            _multiplexers.Add(admin);
        }

        await Task.WhenAll(admin.GetEndPoints().Select(endpoint => admin.GetServer(endpoint).ExecuteAsync("CONFIG", "SET", parameter, value)));
    }

    private Task<RedisResult[]> OnEveryNodeAsync(params object[] arguments)
        => Task.WhenAll(_rawClient.GetEndPoints().Select(endpoint => _rawClient.GetServer(endpoint).ExecuteAsync("PUBSUB", arguments)));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var multiplexer in _multiplexers)
        {
            await multiplexer.DisposeAsync();
        }

        await _rawClient.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
