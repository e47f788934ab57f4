using System.Collections.Concurrent;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.Redis.Tests;

/// <summary>
/// docs/pubsub.md: the multiplexer is the application's, to share. What one of its users does to a channel (a subscribe
/// that failed during an outage removes its queue, which StackExchange.Redis can only do for every handler of the
/// channel) must not leave another broadcaster on it deaf to that channel while it reports the channel subscribed.
/// </summary>
public sealed class SharedMultiplexerTests : IAsyncLifetime
{
    private static readonly RedisBroadcasterOptions Options = new() { ReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1) };
    private readonly List<IAsyncDisposable> _owned = [];
    private RedisServer _server = null!;

    public async Task InitializeAsync() => _server = Own(await RedisServer.StartAsync());

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_subscribe_of_one_broadcaster_failing_during_an_outage_does_not_silence_the_channel_for_another_on_the_same_multiplexer()
    {
        var shared = Own(await _server.ConnectAsync());
        var firstLog = new RecordingLogger<RedisBroadcaster>();
        var secondLog = new RecordingLogger<RedisBroadcaster>();
        var first = Own(new RedisBroadcaster(shared, Options, firstLog));
        var second = Own(new RedisBroadcaster(shared, Options, secondLog));
        var publisher = Own(new RedisBroadcaster(Own(await _server.ConnectAsync()), Options));
        var received = new ConcurrentQueue<string>();
        await second.SubscribeGroupActionsAsync(m =>
        {
            received.Enqueue(m.Action);
            return ValueTask.CompletedTask;
        });
        await second.SubscribeToGroupActionAsync(new GroupId("board"));
        await publisher.PublishGroupActionAsync(new GroupId("board"), "before", default);
        await Eventually.UntilAsync(() => Task.FromResult(received.Contains("before")), TimeSpan.FromSeconds(10), "the message before the outage");

        await _server.KillAsync();
        var subscribing = first.SubscribeToGroupActionAsync(new GroupId("board"));
        await firstLog.WaitForAsync(e => e.EventId.Id == 3, TimeSpan.FromSeconds(20)); // its subscribe failed and is retried
        await _server.StartAgainAsync();
        await subscribing.WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.UntilAsync(() => Task.FromResult(second.IsConnected && first.IsConnected), TimeSpan.FromSeconds(30), "both restored");

        // Published until one arrives: the second broadcaster may still be subscribing the channel again.
        await Eventually.UntilAsync(
            async () =>
            {
                await publisher.PublishGroupActionAsync(new GroupId("board"), "after", default);
                await Task.Delay(100);
                return received.Contains("after");
            },
            TimeSpan.FromSeconds(20),
            "the second broadcaster receives the channel again");
        Assert.Contains(secondLog.Entries, e => e.EventId.Id == 201 && (string?)e.Fields["channel"] == second.Channels.GroupAction(new GroupId("board")));
    }

    private T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
