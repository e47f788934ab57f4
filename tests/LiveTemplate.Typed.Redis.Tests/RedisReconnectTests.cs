using System.Collections.Concurrent;
using System.Diagnostics;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace LiveTemplate.Typed.Redis.Tests;

/// <summary>What only a real Redis can show: the server going away and coming back.</summary>
public sealed class RedisReconnectTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];
    private RedisServer _server = null!;

    public async Task InitializeAsync() => _server = Own(await RedisServer.StartAsync(startNow: false));

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    [Fact]
    public async Task Restart_while_subscribed_to_1000_groups_all_deliver_again_and_the_log_reports_dynamic_channels()
    {
        const int groups = 1000;
        await _server.StartAgainAsync();
        var (publisher, _) = await StartBroadcasterAsync();
        var (subscriber, log) = await StartBroadcasterAsync();
        var received = new ConcurrentDictionary<string, int>();
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await subscriber.SubscribeGroupActionsAsync(m =>
        {
            if (received.AddOrUpdate(m.GroupId.Value, 1, (_, n) => n + 1) == 1 && received.Count == groups)
            {
                allArrived.TrySetResult();
            }

            return ValueTask.CompletedTask;
        });
        await Task.WhenAll(Enumerable.Range(0, groups).Select(i => subscriber.SubscribeToGroupActionAsync(new GroupId($"g{i}"))));

        var restart = Stopwatch.StartNew();
        await _server.RestartAsync();
        var reconnected = await log.WaitForAsync(e => e.Message.StartsWith("Reconnected successfully", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var restoredAfter = restart.Elapsed;

        Assert.Equal(LogLevel.Information, reconnected.Level);
        Assert.Equal(groups, reconnected.Fields["dynamic_channels"]);
        for (var i = 0; i < groups; i++)
        {
            await publisher.PublishGroupActionAsync(new GroupId($"g{i}"), "after-restart", default);
        }

        await allArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(received.Values, count => Assert.Equal(1, count));
        Assert.Equal(1, subscriber.GetStatistics().Reconnects);
        Assert.True(subscriber.IsConnected);
        output.WriteLine($"1,000 group subscriptions restored {restoredAfter.TotalMilliseconds:F0} ms after the restart began ({reconnected.Message}).");
    }

    [Fact]
    public async Task Redis_down_at_start_up_the_broadcaster_keeps_trying_and_recovers_when_redis_starts()
    {
        var (early, log) = await StartBroadcasterAsync();
        var arrived = await FirstGroupActionAsync(early);
        var subscribe = early.SubscribeToGroupActionAsync(new GroupId("late-board"));

        await log.WaitForAsync(e => e.EventId.Id == 3, TimeSpan.FromSeconds(30)); // at least one failed attempt, retried
        Assert.False(subscribe.IsCompleted);
        Assert.False(early.IsConnected);

        await _server.StartAgainAsync();
        await subscribe.WaitAsync(TimeSpan.FromSeconds(30));
        var (publisher, _) = await StartBroadcasterAsync();
        await publisher.PublishGroupActionAsync(new GroupId("late-board"), "hello", default);

        Assert.Equal("hello", (await arrived.WaitAsync(TimeSpan.FromSeconds(10))).Action);
    }

    [Fact]
    public async Task App_starting_while_redis_is_down_attaches_and_registers_within_the_timeout_and_receives_once_redis_is_up()
    {
        var (late, log) = await StartBroadcasterAsync();
        var options = new ConnectionRegistryOptions { SubscribeTimeout = TimeSpan.FromMilliseconds(300) };

        var registry = await ConnectionRegistry.AttachAsync(late, options).WaitAsync(TimeSpan.FromSeconds(10));
        await using var _ = registry;
        var connection = await registry.RegisterAsync("early-tab", new GroupId("board"), new UserId("zoe")).WaitAsync(TimeSpan.FromSeconds(10));

        await _server.StartAgainAsync();
        var connected = await log.WaitForAsync(e => e.EventId.Id == 10, TimeSpan.FromSeconds(30));
        var (publisher, _) = await StartBroadcasterAsync();
        await Eventually.UntilAsync(async () => await SubscriberCountAsync(late.Channels.ServerAction(new UserId("zoe"))) == 1, TimeSpan.FromSeconds(30), "zoe's channel subscribed");
        await publisher.PublishServerActionAsync(new UserId("zoe"), "welcome", default);
        await publisher.PublishGlobalAsync("hello everyone"u8.ToArray());

        var received = await connection.Outbound.NextAsync(2);
        Assert.Contains(received, m => m is ServerActionMessage { Action: "welcome" });
        Assert.Contains(received, m => m is BroadcastMessage { Scope: BroadcastScope.Global });

        // Its first connection is not a reconnect: an operator's reconnect alert stays quiet for an app started early.
        Assert.StartsWith("Connected for the first time", connected.Message, StringComparison.Ordinal);
        Assert.Equal(4, connected.Fields["dynamic_channels"]);
        Assert.Equal(0, late.GetStatistics().Reconnects);
        Assert.DoesNotContain(log.Entries, e => e.EventId.Id == 5);
    }

    [Fact]
    public async Task Publish_while_redis_is_down_delivers_locally_then_raises_publish_failed()
    {
        await _server.StartAgainAsync();
        var (broadcaster, _) = await StartBroadcasterAsync();
        var local = await FirstGroupActionAsync(broadcaster);
        await broadcaster.SubscribeToGroupActionAsync(new GroupId("offline"));
        await _server.KillAsync();

        var error = await Assert.ThrowsAsync<PublishFailedException>(() => broadcaster.PublishGroupActionAsync(new GroupId("offline"), "queued", default).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(broadcaster.Channels.GroupAction(new GroupId("offline")), error.Channel);
        Assert.Equal("queued", (await local.WaitAsync(TimeSpan.FromSeconds(1))).Action);
    }

    [Fact]
    public async Task Publish_to_a_frozen_redis_fails_as_not_known_to_have_arrived_and_arrives_once_redis_runs_again()
    {
        // docs/pubsub.md: the exception means "not known to have reached the others", not "did not". Its message said
        // "delivered to this instance's subscribers but not to other instances", which the frozen Redis disproves.
        await _server.StartAgainAsync();
        var (publisher, _) = await StartBroadcasterAsync();
        var (subscriber, _) = await StartBroadcasterAsync();
        var arrived = await FirstGroupActionAsync(subscriber);
        await subscriber.SubscribeToGroupActionAsync(new GroupId("frozen"));

        _server.Pause();
        PublishFailedException error;
        try
        {
            error = await Assert.ThrowsAsync<PublishFailedException>(() => publisher.PublishGroupActionAsync(new GroupId("frozen"), "slow", default).WaitAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            _server.Resume();
        }

        Assert.Equal("slow", (await arrived.WaitAsync(TimeSpan.FromSeconds(30))).Action);
        Assert.Contains("not known to have reached other instances", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not to other instances", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscriber_connection_killed_by_the_server_is_restored_and_delivery_resumes()
    {
        await _server.StartAgainAsync();
        var (publisher, _) = await StartBroadcasterAsync();
        var (subscriber, log) = await StartBroadcasterAsync();
        var arrived = await FirstGroupActionAsync(subscriber);
        await subscriber.SubscribeToGroupActionAsync(new GroupId("kept"));

        var admin = Own(await _server.ConnectAsync("allowAdmin=true"));
        await admin.GetServer(_server.Endpoint).ExecuteAsync("CLIENT", "KILL", "TYPE", "pubsub");

        var reconnected = await log.WaitForAsync(e => e.Message.StartsWith("Reconnected successfully", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal(1, reconnected.Fields["dynamic_channels"]);
        Assert.Equal(5, reconnected.EventId.Id);

        // docs/pubsub.md#troubleshooting: the loss itself is a warning, event 200, naming the endpoint.
        var lost = Assert.Single(log.Entries, e => e.EventId.Id == 200);
        Assert.Equal(LogLevel.Warning, lost.Level);
        Assert.StartsWith("Lost the Redis subscription connection", lost.Message, StringComparison.Ordinal);
        Assert.Equal(_server.Endpoint, lost.Fields["endpoint"]);
        Assert.Equal(1, subscriber.GetStatistics().Reconnects);
        await publisher.PublishGroupActionAsync(new GroupId("kept"), "back", default);
        Assert.Equal("back", (await arrived.WaitAsync(TimeSpan.FromSeconds(10))).Action);
    }

    [Fact]
    public async Task A_restore_timeout_the_audit_could_never_wait_for_is_refused_at_construction_not_after_the_first_drop()
    {
        // Accepted before, it made every audit after a drop fail at once ("Restoring ... failed", retried forever).
        await _server.StartAgainAsync();
        var multiplexer = Own(await _server.ConnectAsync());

        var error = Assert.Throws<ArgumentException>(() => new RedisBroadcaster(multiplexer, new RedisBroadcasterOptions { RestoreTimeout = TimeSpan.MaxValue }));

        Assert.Contains("RestoreTimeout must be positive and at most 1 day", error.Message, StringComparison.Ordinal);
    }

    private async Task<long> SubscriberCountAsync(string channel)
    {
        var client = Own(await _server.ConnectAsync());
        return await client.GetServer(_server.Endpoint).SubscriptionSubscriberCountAsync(RedisChannel.Literal(channel));
    }

    /// <summary>Attaches a handler and returns the first group action it sees.</summary>
    private static async Task<Task<GroupActionMessage>> FirstGroupActionAsync(IBroadcaster broadcaster)
    {
        var first = new TaskCompletionSource<GroupActionMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        await broadcaster.SubscribeGroupActionsAsync(m =>
        {
            first.TrySetResult(m);
            return ValueTask.CompletedTask;
        });
        return first.Task;
    }

    private async Task<(RedisBroadcaster Broadcaster, RecordingLogger Log)> StartBroadcasterAsync()
    {
        var multiplexer = Own(await _server.ConnectAsync());
        var log = new RecordingLogger<RedisBroadcaster>();
        var options = new RedisBroadcasterOptions { ReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1) };
        return (Own(new RedisBroadcaster(multiplexer, options, log)), log);
    }

    private T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
