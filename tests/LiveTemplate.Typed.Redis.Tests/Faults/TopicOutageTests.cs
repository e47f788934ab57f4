using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis.Tests.Faults;

/// <summary>
/// Topic and pattern subscriptions through outages: after a Redis restart exactly the wanted ones are subscribed again
/// (asked of the server: PUBSUB CHANNELS, NUMPAT), and through a cluster master failover with sharding on, exact and
/// pattern subscribers keep receiving, each message at most once per connection.
/// </summary>
public sealed class TopicOutageTests : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly ChannelNames _names = new("lt" + Guid.NewGuid().ToString("N")[..10]);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    [Fact]
    public async Task After_a_redis_restart_wanted_topics_and_patterns_are_subscribed_again_and_released_ones_are_not()
    {
        var server = Own(await RedisServer.StartAsync());
        var (broadcaster, log) = Start(Own(await server.ConnectAsync()), sharded: false);
        var registry = Own(await ConnectionRegistry.AttachAsync(broadcaster));
        var kept = await registry.RegisterAsync("kept", new GroupId("kept"));
        var leaving = await registry.RegisterAsync("leaving", new GroupId("leaving"));
        await registry.SubscribeAsync(kept, new Topic("room/1"));
        await registry.SubscribeAsync(kept, new TopicPattern("room/*"));
        await registry.SubscribeAsync(leaving, new Topic("gone/1"));
        await registry.SubscribeAsync(leaving, new TopicPattern("gone/*"));
        await registry.SubscribeAsync(kept, new TopicPattern("*/1"));
        Assert.Equal(3, await CountPatternsAsync(server));

        await server.KillAsync();
        await log.WaitForAsync(e => e.Message.StartsWith("Lost the Redis subscription connection", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        await registry.UnregisterAsync(leaving).WaitAsync(TimeSpan.FromSeconds(20));
        await registry.UnsubscribeAsync(kept, new TopicPattern("*/1")).WaitAsync(TimeSpan.FromSeconds(20));
        await server.StartAgainAsync();
        await log.WaitForAsync(e => e.Message.StartsWith("Reconnected successfully", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        Assert.Equal(1, await CountPatternsAsync(server));
        var topicChannels = (await ChannelsAsync(server)).Where(c => _names.TopicOf(c) is not null).ToList();
        Assert.Equal([_names.Topic(new Topic("room/1"))], topicChannels);
        var (publisher, _) = Start(Own(await server.ConnectAsync()), sharded: false);
        await publisher.PublishToTopicAsync(new Topic("room/1"), "after-restart", default);
        Assert.Equal("after-restart", Assert.IsType<TopicActionMessage>(await kept.Outbound.NextAsync()).Action);
        await publisher.PublishToTopicAsync(new Topic("room/1"), "second", default);
        Assert.Equal("second", Assert.IsType<TopicActionMessage>(await kept.Outbound.NextAsync()).Action);
    }

    [Fact]
    public async Task Through_a_cluster_master_failover_exact_and_pattern_subscribers_keep_receiving_each_message_once()
    {
        var cluster = Own(await RedisCluster.StartAsync());
        var (receiver, _) = Start(Own(await cluster.ConnectAsync()), sharded: true);
        var (publisher, _) = Start(Own(await cluster.ConnectAsync()), sharded: true);
        var registry = Own(await ConnectionRegistry.AttachAsync(receiver));
        var both = await registry.RegisterAsync("both", new GroupId("g1"));
        var patternOnly = await registry.RegisterAsync("pattern-only", new GroupId("g2"));
        await registry.SubscribeAsync(both, new Topic("room/1"));
        await registry.SubscribeAsync(both, new TopicPattern("room/*"));
        await registry.SubscribeAsync(patternOnly, new TopicPattern("*/1"));
        var topic = new Topic("room/1");

        var master = await cluster.MasterOfAsync(_names.Topic(topic));
        await master.KillAsync();
        var seen = new Dictionary<LocalConnection, List<string>> { [both] = [], [patternOnly] = [] };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        string? confirmed = null;
        for (var sent = 0; confirmed is null && DateTime.UtcNow < deadline && sent < 600; sent++)
        {
            // Done once a publish succeeded both ways (sharded and classic) and reached both connections.
            var action = "after-failover-" + sent;
            var published = await TryPublishAsync(publisher, topic, action);
            for (var i = 0; i < 10 && published && seen.Values.Any(s => !s.Contains(action)); i++)
            {
                await DrainAsync(seen, TimeSpan.FromMilliseconds(100));
            }

            confirmed = published && seen.Values.All(s => s.Contains(action)) ? action : null;
        }

        await DrainAsync(seen, TimeSpan.FromMilliseconds(300));
        Assert.NotNull(confirmed);
        foreach (var actions in seen.Values)
        {
            Assert.Equal(actions.Count, actions.Distinct().Count()); // never twice on one connection
        }
    }

    private static async Task<bool> TryPublishAsync(ChannelBroadcaster publisher, Topic topic, string action)
    {
        try
        {
            await publisher.PublishToTopicAsync(topic, action, default).WaitAsync(TimeSpan.FromSeconds(2));
            return true;
        }
        catch (Exception ex) when (ex is PublishFailedException or TimeoutException)
        {
            // The slot's master is down until its replica is promoted: this one may be lost, the next is tried.
            return false;
        }
    }

    private static async Task DrainAsync(Dictionary<LocalConnection, List<string>> seen, TimeSpan wait)
    {
        foreach (var (connection, actions) in seen)
        {
            using var quiet = new CancellationTokenSource(wait);
            try
            {
                while (true)
                {
                    actions.Add(((TopicActionMessage)await connection.Outbound.ReadAsync(quiet.Token)).Action);
                }
            }
            catch (OperationCanceledException)
            {
                // Nothing more within the wait.
            }
        }
    }

    private static async Task<long> CountPatternsAsync(RedisServer server)
    {
        await using var admin = await server.ConnectAsync();
        return (long)await admin.GetServer(server.Endpoint).ExecuteAsync("PUBSUB", "NUMPAT");
    }

    private async Task<IReadOnlyList<string>> ChannelsAsync(RedisServer server)
    {
        await using var admin = await server.ConnectAsync();
        var channels = await admin.GetServer(server.Endpoint).SubscriptionChannelsAsync(RedisChannel.Pattern(_names.Prefix + ":*"));
        return channels.Select(c => c.ToString()).Order(StringComparer.Ordinal).ToList();
    }

    private (RedisBroadcaster Broadcaster, RecordingLogger Log) Start(ConnectionMultiplexer multiplexer, bool sharded)
    {
        var log = new RecordingLogger<RedisBroadcaster>();
        var options = new RedisBroadcasterOptions { ChannelPrefix = _names.Prefix, UseShardedPubSub = sharded, ReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1) };
        return (Own(new RedisBroadcaster(multiplexer, options, log)), log);
    }

    private T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
