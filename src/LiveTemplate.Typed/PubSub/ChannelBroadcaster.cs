using LiveTemplate.Typed.PubSub.Delivery;
using LiveTemplate.Typed.PubSub.History;
using LiveTemplate.Typed.PubSub.Intake;
using LiveTemplate.Typed.PubSub.Publishing;
using LiveTemplate.Typed.PubSub.Subscriptions;
using LiveTemplate.Typed.PubSub.Telemetry;
using LiveTemplate.Typed.Wire;
using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// A broadcaster over a pub/sub transport with named channels (Redis, or the in-memory network). It is a façade over
/// collaborators with one concern each: the publish pipeline (encode, local-first delivery, send), the envelope intake
/// (size, signature, decode, echo, scope), local delivery to the handlers, the subscription table with its
/// reconciler (reference counts, batches, the one retry loop, the audit after an outage), and for channels with a
/// history the stream tracker (positions, gaps filled, the catch-up after an outage, what could not be recovered). A transport only implements
/// publish, subscribe and unsubscribe of one literal channel, feeds what it receives to
/// <see cref="OnTransportMessageAsync(ChannelSubscription, string, ReadOnlyMemory{byte})"/> in the channel's order, and reports when it lost its connection.
/// </summary>
public abstract partial class ChannelBroadcaster : IBroadcaster, IDynamicSubscriber, ITopicBroadcaster, ITopicSubscriber, IInstanceBroadcaster, IChannelTransport, IStreamHistory
{
    private readonly SubscriptionTable _subscriptions;
    private readonly SubscriptionReconciler _reconciler;
    private readonly LocalDelivery _delivery;
    private readonly EnvelopeIntake _intake;
    private readonly TopicCopies _topicCopies = new();
    private readonly PublishPipeline _publisher;
    private readonly DropRecorder _drops;
    private readonly StreamTracker _history;
    private readonly HistoryKinds _historyKinds;
    private readonly CancellationTokenSource _disposing = new();
    private readonly TimeProvider _time;
    private readonly object _globalGate = new();
    private Task? _globalSubscription;
    private int _disposed;
    private long _seq;

    /// <summary>Creates the broadcaster; derived constructors must call <see cref="Start"/> once they are ready.</summary>
    protected ChannelBroadcaster(BroadcasterOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options = options.Snapshot();
        options.Validate();
        Logger = logger;
        Channels = new ChannelNames(options.ChannelPrefix);
        InstanceId = Guid.NewGuid().ToString();
        _time = options.TimeProvider;
        var signer = options.SigningKey is { } key ? new EnvelopeSigner(key) : null;
        _subscriptions = new SubscriptionTable(Channels, GetType().Name, () => _reconciler!.Signal());
        Metrics = new BroadcasterMetrics(InstanceId, options.MeterFactory, () => _subscriptions.ActiveCount);
        _drops = new DropRecorder(Metrics.Dropped, logger);
        _delivery = new LocalDelivery(_drops);
        _intake = new EnvelopeIntake(InstanceId, options.MaxMessageBytes, signer, _drops, Channels);
        _historyKinds = options.History;
        _history = new StreamTracker(this, _intake, _delivery, _drops, options, Metrics, logger, InstanceId, _disposing.Token);
        _reconciler = new SubscriptionReconciler(_subscriptions, this, options, Metrics, logger, _history);
        _publisher = new PublishPipeline(this, _subscriptions, _delivery, signer, options.MaxMessageBytes, Metrics, () => IsDisposed, GetType().Name);
    }

    /// <summary>This instance's id: stamped on everything it publishes, and how it recognises its own echo.</summary>
    public string InstanceId { get; }

    /// <summary>The channel names this broadcaster uses.</summary>
    public ChannelNames Channels { get; }

    /// <summary>True once <see cref="DisposeAsync"/> has begun.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>The logger given at construction.</summary>
    protected ILogger Logger { get; }

    /// <summary>Cancelled when disposal begins; background work of derived classes should stop on it.</summary>
    protected CancellationToken Disposing => _disposing.Token;

    /// <summary>True from the moment the transport reported a lost connection until every wanted channel is carried again.</summary>
    protected bool IsRestoring => _reconciler.IsRestoring;

    /// <summary>True while the transport carries this instance's subscriptions: reachable, and every one confirmed since the last drop.</summary>
    public virtual bool IsConnected => IsTransportReachable && !IsRestoring;

    internal BroadcasterMetrics Metrics { get; }

    /// <summary>The counters this broadcaster reports to the <c>LiveTemplate.Typed</c> meter.</summary>
    public BroadcasterStatistics GetStatistics() => Metrics.Snapshot();

    /// <summary>Starts the background reconciler; call once, at the end of the derived constructor.</summary>
    /// <exception cref="ArgumentException">History is on and the transport keeps none.</exception>
    protected void Start()
    {
        if (_historyKinds != HistoryKinds.None && !TransportKeepsHistory)
        {
            throw new ArgumentException($"{nameof(BroadcasterOptions.History)} is {_historyKinds}, but {GetType().Name} keeps no history.");
        }

        _reconciler.Start(_disposing.Token);
    }

    // ---- Transport: what a derived class implements ----

    /// <summary>
    /// Publishes an encoded envelope on a literal channel. The envelope is an array of its own that the broadcaster
    /// never changes or reuses: the transport may keep referring to it, even after its task has completed or failed.
    /// </summary>
    protected abstract Task PublishToTransportAsync(string channel, ReadOnlyMemory<byte> envelope, CancellationToken ct);

    /// <summary>
    /// False while the transport would carry a publish to nobody (an in-memory broadcaster alone on its network): then
    /// publishing delivers locally without writing an envelope, when the envelope is certainly within MaxMessageBytes.
    /// </summary>
    internal virtual bool TransportCarriesMessages => true;

    /// <summary>
    /// Subscribes a literal channel and returns once the transport confirms. When <paramref name="refresh"/> is
    /// true the channel was subscribed but the transport lost it: drop what is left and subscribe again. On
    /// failure, leave the transport without the channel and throw; the call is retried with backoff.
    /// </summary>
    protected abstract Task SubscribeToTransportAsync(ChannelSubscription subscription, bool refresh, CancellationToken ct);

    /// <summary>Unsubscribes a literal channel.</summary>
    protected abstract Task UnsubscribeFromTransportAsync(ChannelSubscription subscription, CancellationToken ct);

    /// <summary>False while the transport is known to be away: the audit after an outage waits until it is back (default: always reachable).</summary>
    protected virtual bool IsTransportReachable => true;

    /// <summary>After the transport came back: the channels of <paramref name="wanted"/> it no longer carries (default: none).</summary>
    protected virtual Task<IReadOnlyList<ChannelSubscription>> FindLostAsync(IReadOnlyCollection<ChannelSubscription> wanted, CancellationToken ct)
        => Task.FromResult<IReadOnlyList<ChannelSubscription>>([]);

    /// <summary>
    /// After the transport came back: makes sure it does not carry the channels of <paramref name="released"/>, let go
    /// of while it was away (a client may have queued their subscriptions again while it was away; default: nothing to do).
    /// </summary>
    protected virtual Task ReleaseAgainAsync(IReadOnlyCollection<ChannelSubscription> released, CancellationToken ct) => Task.CompletedTask;

    /// <summary>True when the transport keeps channel histories (<see cref="BroadcasterOptions.History"/> needs it; default false).</summary>
    protected virtual bool TransportKeepsHistory => false;

    /// <summary>
    /// In one atomic step: assigns <paramref name="channel"/>'s next position, stamps it on the envelope
    /// (<see cref="StreamSlice"/> and docs/recovery.md say how: <paramref name="tailLength"/> bytes before its end), keeps it in
    /// the bounded history and publishes it; returns the position.
    /// </summary>
    protected virtual Task<StreamPosition> AppendToTransportAsync(string channel, ReadOnlyMemory<byte> envelope, int tailLength, CancellationToken ct)
        => throw new NotSupportedException($"{GetType().Name} keeps no history.");

    /// <summary>
    /// Reads <paramref name="channel"/>'s stream: its epoch and last offset, and up to <paramref name="maxCount"/> stamped
    /// envelopes after <paramref name="after"/> (from the oldest kept when the epoch is another, or when
    /// <paramref name="after"/> is null and <paramref name="maxCount"/> is not 0), the one at <paramref name="after"/> first when
    /// <paramref name="includeAfter"/> and it is still kept.
    /// </summary>
    protected virtual Task<StreamSlice> ReadFromTransportAsync(string channel, StreamPosition? after, bool includeAfter, int maxCount, CancellationToken ct)
        => throw new NotSupportedException($"{GetType().Name} keeps no history.");

    /// <summary>
    /// <paramref name="channel"/>'s head (epoch and last offset), creating the stream empty (offset 0, a new epoch) when
    /// it does not exist; its idle expiry starts again.
    /// </summary>
    protected virtual Task<StreamSlice> OpenStreamOnTransportAsync(string channel, CancellationToken ct)
        => throw new NotSupportedException($"{GetType().Name} keeps no history.");

    /// <summary>Tells the broadcaster its transport lost the connection: once it answers again, what it carries is audited and restored.</summary>
    protected void OnTransportLost() => _reconciler.TransportLost();

    /// <summary>
    /// Tells the broadcaster its transport has not connected yet (call it once, at construction): what it carries is
    /// audited once it answers, as after <see cref="OnTransportLost"/>, but that first connection is not reported as a reconnect.
    /// </summary>
    protected void OnTransportNotYetConnected() => _reconciler.TransportNotYetConnected();

    /// <summary>Tells the broadcaster its transport is back (or its channels moved): what it carries is audited.</summary>
    protected void OnTransportRestored() => _reconciler.TransportRestored();

    bool IChannelTransport.CarriesMessages => TransportCarriesMessages;

    bool IChannelTransport.IsReachable => IsTransportReachable;

    Task IChannelTransport.PublishAsync(string channel, ReadOnlyMemory<byte> envelope, CancellationToken ct) => PublishToTransportAsync(channel, envelope, ct);

    Task IChannelTransport.SubscribeAsync(ChannelSubscription subscription, bool refresh, CancellationToken ct) => SubscribeToTransportAsync(subscription, refresh, ct);

    Task IChannelTransport.UnsubscribeAsync(ChannelSubscription subscription, CancellationToken ct) => UnsubscribeFromTransportAsync(subscription, ct);

    Task<IReadOnlyList<ChannelSubscription>> IChannelTransport.FindLostAsync(IReadOnlyCollection<ChannelSubscription> wanted, CancellationToken ct) => FindLostAsync(wanted, ct);

    Task IChannelTransport.ReleaseAgainAsync(IReadOnlyCollection<ChannelSubscription> released, CancellationToken ct) => ReleaseAgainAsync(released, ct);

    bool IChannelTransport.KeepsHistory => TransportKeepsHistory;

    Task<StreamPosition> IChannelTransport.AppendAsync(string channel, ReadOnlyMemory<byte> envelope, int tailLength, CancellationToken ct) => AppendToTransportAsync(channel, envelope, tailLength, ct);

    Task<StreamSlice> IChannelTransport.ReadAsync(string channel, StreamPosition? after, bool includeAfter, int maxCount, CancellationToken ct) => ReadFromTransportAsync(channel, after, includeAfter, maxCount, ct);

    Task<StreamSlice> IChannelTransport.OpenAsync(string channel, CancellationToken ct) => OpenStreamOnTransportAsync(channel, ct);

    // ---- Lifetime ----

    /// <summary>
    /// Stops delivery, unsubscribes every channel (best effort, without waiting for a transport that does not answer)
    /// and releases resources; returns promptly whatever is in flight. Safe to call more than once.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var stillSubscribed = _subscriptions.Close(new ObjectDisposedException(GetType().Name));
        await _disposing.CancelAsync().ConfigureAwait(false);
        await _reconciler.StoppedAsync().ConfigureAwait(false);
        stillSubscribed.AddRange(_reconciler.ReleasedWhileAway());
        await DisposeTransportAsync(stillSubscribed).ConfigureAwait(false);
        Metrics.Dispose();
        _disposing.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Releases the transport: unsubscribe <paramref name="stillSubscribed"/> (every channel it may still carry: those
    /// subscribed, and those let go of while it was away) and stop background work. Must not wait for a transport that
    /// does not answer: disposal returns promptly.
    /// </summary>
    protected virtual async ValueTask DisposeTransportAsync(IReadOnlyCollection<ChannelSubscription> stillSubscribed)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var unsubscribes = stillSubscribed.Select(s => UnsubscribeFromTransportAsync(s, timeout.Token));
        await Task.WhenAll(unsubscribes).WaitAsync(timeout.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Throws <see cref="ObjectDisposedException"/> once disposal has begun.</summary>
    protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);

    // ---- Internals ----

    // Go's per-instance counter: (instanceID, seq) identifies a group or topic action.
    private ulong NextSeq() => unchecked((ulong)Interlocked.Increment(ref _seq));

    private DateTimeOffset Now => _time.GetUtcNow();

    private bool Keeps(ChannelKind kind) => (_historyKinds & BroadcasterOptions.HistoryKindOf(kind)) != 0;

    private Task SubscribeGlobalChannel()
    {
        lock (_globalGate)
        {
            // The global channel is pinned: one reference for the broadcaster's lifetime.
            return _globalSubscription ??= _subscriptions.AcquireAsync(ChannelKind.GlobalBroadcast, null);
        }
    }

    private Task Acquire(ChannelKind kind, string scopeId, CancellationToken ct)
    {
        ThrowIfDisposed();
        return _subscriptions.AcquireAsync(kind, scopeId).WaitAsync(ct);
    }

    private Task Release(ChannelKind kind, string scopeId, CancellationToken ct)
        => _subscriptions.ReleaseAsync(kind, scopeId).WaitAsync(ct);

    private static void ThrowIfNull<T>(T action)
    {
        if (action is null)
        {
            throw new ArgumentNullException(nameof(action)); // no boxing for record struct actions
        }
    }

    private static GroupId Require(GroupId id) => ScopeIdRules.Require(id, "groupId");

    private static UserId Require(UserId id) => ScopeIdRules.Require(id, "userId");
}
