using System.Collections.Concurrent;
using System.Threading.Channels;
using LiveTemplate.Typed.PubSub;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis;

/// <summary>
/// Carries messages between app instances over Redis Pub/Sub, on per-scope literal channels, wire-compatible
/// with livetemplate (Go). Built over an <see cref="IConnectionMultiplexer"/> the application owns; create it
/// with <c>AbortOnConnectFail = false</c> so that an instance starts (and recovers) while Redis is down.
/// </summary>
/// <remarks>
/// Each channel is read through its own ordered queue, so messages of one channel reach the handlers in the
/// order Redis delivered them. When the subscription connection comes back after a drop, every tracked channel
/// is checked and any the multiplexer did not restore is subscribed again; the information log
/// <c>Reconnected successfully</c> then reports how many dynamic channels are live (<c>dynamic_channels</c>).
/// </remarks>
public sealed class RedisBroadcaster : ChannelBroadcaster
{
    private readonly IConnectionMultiplexer _multiplexer;
    private readonly ISubscriber _subscriber;
    private readonly TimeSpan _restoreTimeout;
    private readonly bool _sharded;
    private readonly ConcurrentDictionary<string, ChannelMessageQueue> _queues = new(StringComparer.Ordinal);
    private readonly Channel<bool> _restoreRequests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Task _restorer;
    private volatile bool _subscriptionLost;

    /// <summary>Creates the broadcaster over <paramref name="multiplexer"/>, which stays the application's to dispose.</summary>
    public RedisBroadcaster(IConnectionMultiplexer multiplexer, RedisBroadcasterOptions? options = null, ILogger<RedisBroadcaster>? logger = null)
        : base(options ??= new RedisBroadcasterOptions(), (ILogger?)logger ?? NullLogger.Instance)
    {
        ArgumentNullException.ThrowIfNull(multiplexer);
        _multiplexer = multiplexer;
        _subscriber = multiplexer.GetSubscriber();
        _restoreTimeout = options.RestoreTimeout;
        _sharded = options.UseShardedPubSub;
        _subscriptionLost = !multiplexer.IsConnected;
        _multiplexer.ConnectionFailed += OnConnectionFailed;
        _multiplexer.ConnectionRestored += OnConnectionRestored;
        _restorer = Task.Run(RestoreLoopAsync);
        Start();
    }

    /// <summary>True while Redis is reachable and every subscription has been confirmed since the last drop.</summary>
    public bool IsConnected => _multiplexer.IsConnected && !_subscriptionLost;

    /// <inheritdoc />
    /// <remarks>
    /// No copy: the multiplexer may still be writing the value after the command timed out, which is safe because
    /// the envelope is an array nobody else changes or reuses.
    /// </remarks>
    protected override Task PublishToTransportAsync(string channel, ReadOnlyMemory<byte> envelope, CancellationToken ct)
        => _subscriber.PublishAsync(ToRedis(channel), envelope);

    /// <inheritdoc />
    protected override async Task SubscribeToTransportAsync(ChannelSubscription subscription, bool refresh, CancellationToken ct)
    {
        var channel = ToRedis(subscription.Channel);
        if (_queues.TryRemove(subscription.Channel, out var stale))
        {
            await stale.UnsubscribeAsync(CommandFlags.FireAndForget).ConfigureAwait(false);
        }

        ChannelMessageQueue queue;
        try
        {
            queue = await _subscriber.SubscribeAsync(channel).ConfigureAwait(false);
        }
        catch
        {
            // SubscribeAsync registers its queue before Redis answers; remove it so a retry starts clean.
            await _subscriber.UnsubscribeAsync(channel, null, CommandFlags.FireAndForget).ConfigureAwait(false);
            throw;
        }

        _queues[subscription.Channel] = queue;
        _ = ConsumeAsync(subscription, queue);
    }

    /// <inheritdoc />
    protected override async Task UnsubscribeFromTransportAsync(ChannelSubscription subscription, CancellationToken ct)
    {
        if (_queues.TryRemove(subscription.Channel, out var queue))
        {
            await queue.UnsubscribeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeTransportAsync(IReadOnlyCollection<ChannelSubscription> stillSubscribed)
    {
        _multiplexer.ConnectionFailed -= OnConnectionFailed;
        _multiplexer.ConnectionRestored -= OnConnectionRestored;
        _restoreRequests.Writer.TryComplete();
        await _restorer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await base.DisposeTransportAsync(stillSubscribed).ConfigureAwait(false);

        // Anything subscribed by a call that was still in flight when disposal began.
        foreach (var queue in _queues.Values)
        {
            await queue.UnsubscribeAsync(CommandFlags.FireAndForget).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _queues.Clear();
    }

    private async Task ConsumeAsync(ChannelSubscription subscription, ChannelMessageQueue queue)
    {
        try
        {
            while (true)
            {
                while (queue.TryRead(out var message))
                {
                    await OnTransportMessageAsync(subscription, (ReadOnlyMemory<byte>)message.Message).ConfigureAwait(false);
                }

                var next = await queue.ReadAsync().ConfigureAwait(false);
                await OnTransportMessageAsync(subscription, (ReadOnlyMemory<byte>)next.Message).ConfigureAwait(false);
            }
        }
        catch (ChannelClosedException)
        {
            // The queue completes when the channel is unsubscribed.
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType != ConnectionType.Subscription)
        {
            return;
        }

        _subscriptionLost = true;
        RedisLog.ConnectionLost(Logger, e.Exception, e.EndPoint?.ToString() ?? "(unknown)", e.FailureType.ToString());

        // Restore does not wait for a "restored" event: after a cluster failover the channels move to another
        // node, whose connection may never have failed. Each attempt waits for Redis and retries with backoff.
        _restoreRequests.Writer.TryWrite(true);
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription)
        {
            _restoreRequests.Writer.TryWrite(true);
        }
    }

    private async Task RestoreLoopAsync()
    {
        var ct = Disposing;
        try
        {
            while (await _restoreRequests.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                _restoreRequests.Reader.TryRead(out _);
                var attempt = 0;
                while (true)
                {
                    try
                    {
                        await RestoreAsync(ct).ConfigureAwait(false);
                        break;
                    }
                    catch (Exception ex) when (!ct.IsCancellationRequested)
                    {
                        var delay = RetryDelay(attempt++);
                        RedisLog.RestoreFailed(Logger, ex, delay);
                        await Task.Delay(delay, ct).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task RestoreAsync(CancellationToken ct)
    {
        // On reconnect the multiplexer re-sends SUBSCRIBE for every channel it knows, on the subscription
        // connection. A PING on that connection is answered after all of them, so afterwards the multiplexer's
        // view of each channel is current and whatever it lacks was really lost.
        var wasLost = _subscriptionLost;
        await _subscriber.PingAsync().WaitAsync(ct).ConfigureAwait(false);
        var lost = Unconfirmed();
        if (lost.Count > 0)
        {
            await ResubscribeAsync(lost).WaitAsync(_restoreTimeout, ct).ConfigureAwait(false);
            var stillLost = Unconfirmed();
            if (stillLost.Count > 0)
            {
                throw new BroadcasterException($"{stillLost.Count} channel(s) are still not subscribed after the reconnect.");
            }
        }

        _subscriptionLost = false;
        if (wasLost)
        {
            ReportReconnected();
            var dynamicChannels = ConfirmedSubscriptions().Count(s => s.Kind != ChannelKind.GlobalBroadcast);
            RedisLog.Reconnected(Logger, dynamicChannels, lost.Count);
        }
    }

    /// <summary>Every channel is literal (never a pattern); sharded when configured.</summary>
    private RedisChannel ToRedis(string channel) => _sharded ? RedisChannel.Sharded(channel) : RedisChannel.Literal(channel);

    private List<ChannelSubscription> Unconfirmed()
        => ConfirmedSubscriptions().Where(s => _subscriber.SubscribedEndpoint(ToRedis(s.Channel)) is null).ToList();
}
