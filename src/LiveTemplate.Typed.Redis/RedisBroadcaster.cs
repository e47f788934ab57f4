using System.Collections.Concurrent;
using System.Threading.Channels;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Redis.History;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using StreamPosition = LiveTemplate.Typed.PubSub.StreamPosition;

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
    // Long enough for a Redis that answers to confirm thousands of unsubscribes, short enough that disposal is prompt.
    private static readonly TimeSpan DisposeUnsubscribeWait = TimeSpan.FromMilliseconds(500);

    private readonly IConnectionMultiplexer _multiplexer;
    private readonly ISubscriber _subscriber;
    private readonly RedisChannelShapes _shapes;
    private readonly ConcurrentDictionary<string, ChannelMessageQueue> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RedisChannel> _inFlight = new(StringComparer.Ordinal);
    private readonly HistoryScripts _history;
    private readonly bool _anyHistory;

    /// <summary>Creates the broadcaster over <paramref name="multiplexer"/>, which stays the application's to dispose.</summary>
    public RedisBroadcaster(IConnectionMultiplexer multiplexer, RedisBroadcasterOptions? options = null, ILogger<RedisBroadcaster>? logger = null)
        : base(options ??= new RedisBroadcasterOptions(), (ILogger?)logger ?? NullLogger.Instance)
    {
        ArgumentNullException.ThrowIfNull(multiplexer);
        _multiplexer = multiplexer;
        _subscriber = multiplexer.GetSubscriber();
        _shapes = new RedisChannelShapes(options.UseShardedPubSub);
        _anyHistory = options.History != HistoryKinds.None;
        _history = new HistoryScripts(multiplexer.GetDatabase(), options.UseShardedPubSub, HistoryScripts.NewEpochPrefix(), options.HistorySize, options.HistoryIdleExpiry);
        _multiplexer.ConnectionFailed += OnConnectionFailed;
        _multiplexer.ConnectionRestored += OnConnectionRestored;
        Start();
        if (!multiplexer.IsConnected)
        {
            OnTransportNotYetConnected();
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// No copy: the multiplexer may still be writing the value after the command timed out, which is safe because
    /// the envelope is an array nobody else changes or reuses.
    /// </remarks>
    /// <remarks>
    /// With sharded pub/sub a topic's action goes out twice: <c>SPUBLISH</c> for its exact subscribers and a classic
    /// <c>PUBLISH</c> for pattern subscribers (Redis has no sharded patterns); an instance that holds both receives it
    /// twice and its intake drops the second copy by (instanceID, seq). See docs/topics.md for the cost.
    /// </remarks>
    /// <remarks>
    /// Every classic <c>PUBLISH</c> is routed by its channel's slot (<see cref="RedisChannelShapes"/>): on a cluster two
    /// messages of one channel must not start on different nodes, where they can overtake each other on the cluster bus.
    /// </remarks>
    /// <remarks>
    /// On a channel whose kind keeps history, a live-only message (an action declared not recoverable) is published the
    /// way positioned ones are, by a script on the node of the channel's slot, so that it keeps its place among them on
    /// every subscriber. On the loopback cluster with classic pub/sub, a live-only <c>PUBLISH</c> and the next positioned
    /// message, published one after the other, reached a subscriber on another node in the opposite order in about one
    /// run in ten (an <c>IDatabase</c> publish did not help); published by the same script path, in none of 30.
    /// </remarks>
    protected override Task PublishToTransportAsync(string channel, ReadOnlyMemory<byte> envelope, CancellationToken ct)
    {
        if (_anyHistory && Channels.KindOf(channel) is { } kind && KeepsHistory(kind))
        {
            return _history.PublishAsync(channel, envelope);
        }

        var sending = _subscriber.PublishAsync(_shapes.ForPublish(channel), envelope);
        if (!_shapes.Sharded || Channels.TopicOf(channel) is null)
        {
            return sending;
        }

        return Task.WhenAll(sending, _subscriber.PublishAsync(_shapes.ClassicForPublish(channel), envelope));
    }

    /// <inheritdoc />
    protected override bool TransportKeepsHistory => true;

    /// <inheritdoc />
    /// <remarks>One EVALSHA: position, history and publish in one atomic step, on the shard of the channel's slot.</remarks>
    protected override Task<StreamPosition> AppendToTransportAsync(string channel, ReadOnlyMemory<byte> envelope, int tailLength, CancellationToken ct)
        => _history.AppendAsync(channel, envelope, tailLength);

    /// <inheritdoc />
    protected override Task<StreamSlice> ReadFromTransportAsync(string channel, StreamPosition? after, bool includeAfter, int maxCount, CancellationToken ct)
        => _history.ReadAsync(channel, after, includeAfter, maxCount).WaitAsync(ct);

    /// <inheritdoc />
    protected override Task<StreamSlice> OpenStreamOnTransportAsync(string channel, CancellationToken ct)
        => _history.OpenAsync(channel).WaitAsync(ct);

    /// <inheritdoc />
    protected override async Task SubscribeToTransportAsync(ChannelSubscription subscription, bool refresh, CancellationToken ct)
    {
        var channel = _shapes.ForSubscription(subscription);
        if (_queues.TryRemove(subscription.Channel, out var stale))
        {
            await stale.UnsubscribeAsync(CommandFlags.FireAndForget).ConfigureAwait(false);
        }

        _inFlight[subscription.Channel] = channel;
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
        finally
        {
            _inFlight.TryRemove(subscription.Channel, out _);
        }

        if (Disposing.IsCancellationRequested)
        {
            // Confirmed after disposal began (the broadcaster stopped waiting): the app's multiplexer must not keep it.
            await queue.UnsubscribeAsync(CommandFlags.FireAndForget).ConfigureAwait(false);
            return;
        }

        _queues[subscription.Channel] = queue;
        _ = ConsumeAsync(subscription, queue);
    }

    /// <inheritdoc />
    /// <remarks>
    /// With Redis away this does not wait: the multiplexer forgets the channel at once, and the broadcaster releases it
    /// again on the server once Redis is back (<see cref="ReleaseAgainAsync"/>).
    /// </remarks>
    protected override async Task UnsubscribeFromTransportAsync(ChannelSubscription subscription, CancellationToken ct)
    {
        var connected = _multiplexer.IsConnected;
        if (_queues.TryRemove(subscription.Channel, out var queue))
        {
            await queue.UnsubscribeAsync(connected ? CommandFlags.None : CommandFlags.FireAndForget).ConfigureAwait(false);
        }
        else if (connected)
        {
            // A retry after an unsubscribe that failed: Redis may still hold the channel although the multiplexer does not.
            await ChannelSweep.ForgetOnServerAsync(_subscriber, _shapes.ForSubscription(subscription)).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Never waits long: with Redis answering, at most <see cref="DisposeUnsubscribeWait"/> for it to confirm the
    /// unsubscribes. With Redis away the multiplexer (which the app may keep) forgets the channels at once, and once it
    /// is back a sweep drops them on the server too, since the multiplexer may have queued their SUBSCRIBEs meanwhile.
    /// </remarks>
    protected override async ValueTask DisposeTransportAsync(IReadOnlyCollection<ChannelSubscription> stillSubscribed)
    {
        _multiplexer.ConnectionFailed -= OnConnectionFailed;
        _multiplexer.ConnectionRestored -= OnConnectionRestored;
        var away = !IsConnected;
        var held = stillSubscribed.Select(_shapes.ForSubscription).Concat(_queues.Values.Select(q => q.Channel)).Concat(_inFlight.Values).Distinct().ToList();
        foreach (var channel in _inFlight.Values)
        {
            _subscriber.Unsubscribe(channel, null, CommandFlags.FireAndForget);
        }

        var unsubscribes = _queues.Values.Select(queue => queue.UnsubscribeAsync(away ? CommandFlags.FireAndForget : CommandFlags.None)).ToList();
        _queues.Clear();
        if (away)
        {
            ChannelSweep.WhenRestored(_multiplexer, held);
        }

        await Task.WhenAll(unsubscribes).WaitAsync(DisposeUnsubscribeWait).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task ConsumeAsync(ChannelSubscription subscription, ChannelMessageQueue queue)
    {
        try
        {
            while (true)
            {
                while (queue.TryRead(out var message))
                {
                    await OnTransportMessageAsync(subscription, ChannelOf(subscription, message), (ReadOnlyMemory<byte>)message.Message).ConfigureAwait(false);
                }

                var next = await queue.ReadAsync().ConfigureAwait(false);
                await OnTransportMessageAsync(subscription, ChannelOf(subscription, next), (ReadOnlyMemory<byte>)next.Message).ConfigureAwait(false);
            }
        }
        catch (ChannelClosedException)
        {
            // The queue completes when the channel is unsubscribed: by this broadcaster, which forgets the queue first, or
            // by another user of the shared multiplexer unsubscribing the channel for all its handlers. Then nothing would
            // ever be read again: the channel is audited as after a drop, and subscribed again.
            if (!Disposing.IsCancellationRequested && _queues.TryGetValue(subscription.Channel, out var current) && ReferenceEquals(current, queue))
            {
                RedisLog.QueueClosedByAnother(Logger, subscription.Channel);
                OnTransportRestored();
            }
        }
    }

    // A wanted channel this broadcaster no longer reads (its queue was closed under it) is lost, whatever Redis holds.
    private bool IsReading(ChannelSubscription subscription)
        => _queues.TryGetValue(subscription.Channel, out var queue) && !queue.Completion.IsCompleted;

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType != ConnectionType.Subscription)
        {
            return;
        }

        RedisLog.ConnectionLost(Logger, e.Exception, e.EndPoint?.ToString() ?? "(unknown)", e.FailureType.ToString());

        // The audit does not wait for a "restored" event: after a cluster failover the channels move to another node,
        // whose connection may never have failed. Each attempt waits for Redis and retries with backoff.
        OnTransportLost();
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription)
        {
            OnTransportRestored();
        }
    }

    /// <inheritdoc />
    protected override bool IsTransportReachable => _multiplexer.IsConnected;

    /// <inheritdoc />
    /// <remarks>
    /// On reconnect the multiplexer re-sends SUBSCRIBE for every channel it knows, on the subscription connection. A
    /// PING on that connection is answered after all of them, so afterwards the multiplexer's view of each channel is
    /// current and whatever it lacks was really lost. So is a channel whose queue was closed under this broadcaster (another
    /// user of the multiplexer unsubscribed it for every handler), even though Redis still carries it for them.
    /// </remarks>
    protected override async Task<IReadOnlyList<ChannelSubscription>> FindLostAsync(IReadOnlyCollection<ChannelSubscription> wanted, CancellationToken ct)
    {
        await _subscriber.PingAsync().WaitAsync(ct).ConfigureAwait(false);
        return wanted.Where(s => _subscriber.SubscribedEndpoint(_shapes.ForSubscription(s)) is null || !IsReading(s)).ToList();
    }

    /// <inheritdoc />
    protected override async Task ReleaseAgainAsync(IReadOnlyCollection<ChannelSubscription> released, CancellationToken ct)
    {
        foreach (var subscription in released)
        {
            await ChannelSweep.ForgetOnServerAsync(_subscriber, _shapes.ForSubscription(subscription)).WaitAsync(ct).ConfigureAwait(false);
        }
    }

    // A pattern's messages name the channel they were published on; a literal subscription's is its own.
    private static string ChannelOf(ChannelSubscription subscription, ChannelMessage message)
        => subscription.IsPattern ? (string?)message.Channel ?? subscription.Channel : subscription.Channel;
}
