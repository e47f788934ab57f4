using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Redis;
using LiveTemplate.Typed.Testing;
using LiveTemplate.Typed.Testing.Specification;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis.Tests;

/// <summary>A fresh redis-server for one test; each instance gets its own multiplexer, as separate processes would.</summary>
internal sealed class RedisHarness : BroadcasterHarness
{
    private readonly List<ConnectionMultiplexer> _multiplexers = [];
    private readonly ConnectionMultiplexer _rawClient;

    private RedisHarness(RedisServer server, ConnectionMultiplexer rawClient)
    {
        Server = server;
        _rawClient = rawClient;
    }

    public RedisServer Server { get; }

    public static async Task<RedisHarness> StartAsync()
    {
        var server = await RedisServer.StartAsync();
        return new RedisHarness(server, await server.ConnectAsync());
    }

    protected override async Task<(ChannelBroadcaster Broadcaster, RecordingLogger Log)> CreateBroadcasterAsync(Action<BroadcasterOptions> configure)
    {
        var multiplexer = await Server.ConnectAsync();
        lock (_multiplexers)
        {
            _multiplexers.Add(multiplexer);
        }

        var options = new RedisBroadcasterOptions { ReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1) };
        configure(options);
        var log = new RecordingLogger<RedisBroadcaster>();
        return (new RedisBroadcaster(multiplexer, options, log), log);
    }

    public override Task PublishRawAsync(string channel, ReadOnlyMemory<byte> message)
        => _rawClient.GetSubscriber().PublishAsync(RedisChannel.Literal(channel), message);

    public override Task<long> CountSubscribersAsync(string channel)
        => RawServer.SubscriptionSubscriberCountAsync(RedisChannel.Literal(channel));

    public override Task<long> CountPatternSubscriptionsAsync() => RawServer.SubscriptionPatternCountAsync();

    public override async Task<IReadOnlyList<string>> ActiveChannelsAsync()
        => (await RawServer.SubscriptionChannelsAsync()).Select(c => c.ToString()).Order(StringComparer.Ordinal).ToList();

    private IServer RawServer => _rawClient.GetServer(_rawClient.GetEndPoints()[0]);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var multiplexer in _multiplexers)
        {
            await multiplexer.DisposeAsync();
        }

        await _rawClient.DisposeAsync();
        await Server.DisposeAsync();
    }
}
