using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// The embedded default: a broadcaster for a single app instance, with no services to run. Joined to a shared
/// <see cref="InMemoryNetwork"/>, several of them behave like instances behind a load balancer (for tests and demos).
/// </summary>
public sealed class InMemoryBroadcaster : ChannelBroadcaster
{
    private readonly InMemoryNetwork _network;
    private readonly Channel<(ChannelSubscription Subscription, string Channel, ReadOnlyMemory<byte> Envelope)> _inbox =
        Channel.CreateUnbounded<(ChannelSubscription, string, ReadOnlyMemory<byte>)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task _pump;
    private readonly int _historySize;
    private readonly TimeSpan _historyIdleExpiry;
    private readonly TimeProvider _time;

    /// <summary>Creates a stand-alone broadcaster: publishes reach this instance's subscribers only.</summary>
    public InMemoryBroadcaster(BroadcasterOptions? options = null, ILogger<InMemoryBroadcaster>? logger = null)
        : this(new InMemoryNetwork(), options, logger)
    {
    }

    /// <summary>Creates a broadcaster that exchanges messages with every other broadcaster on <paramref name="network"/>.</summary>
    public InMemoryBroadcaster(InMemoryNetwork network, BroadcasterOptions? options = null, ILogger<InMemoryBroadcaster>? logger = null)
        : base(options ??= new BroadcasterOptions(), (ILogger?)logger ?? NullLogger.Instance)
    {
        ArgumentNullException.ThrowIfNull(network);
        _historySize = options.HistorySize;
        _historyIdleExpiry = options.HistoryIdleExpiry;
        _time = options.TimeProvider;
        _network = network;
        _network.Join();
        _pump = Task.Run(PumpAsync);
        Start();
    }

    /// <summary>The network this broadcaster is on.</summary>
    public InMemoryNetwork Network => _network;

    /// <inheritdoc />
    internal override bool TransportCarriesMessages => _network.HasOtherMembers;

    /// <inheritdoc />
    protected override bool TransportKeepsHistory => true;

    /// <inheritdoc />
    protected override bool IsTransportReachable => !_network.IsAway(this);

    internal void OnTransportAway() => OnTransportLost();

    internal void OnTransportBack() => OnTransportRestored();

    /// <inheritdoc />
    protected override Task<StreamPosition> AppendToTransportAsync(string channel, ReadOnlyMemory<byte> envelope, int tailLength, CancellationToken ct)
        => Task.FromResult(_network.Append(this, channel, envelope.Span, tailLength, _historySize, _historyIdleExpiry, _time.GetUtcNow()));

    /// <inheritdoc />
    protected override Task<StreamSlice> ReadFromTransportAsync(string channel, StreamPosition? after, bool includeAfter, int maxCount, CancellationToken ct)
        => Task.FromResult(_network.Read(this, channel, after, includeAfter, maxCount, _historyIdleExpiry, _time.GetUtcNow()));

    /// <inheritdoc />
    protected override Task<StreamSlice> OpenStreamOnTransportAsync(string channel, CancellationToken ct)
        => Task.FromResult(_network.Open(this, channel, _historyIdleExpiry, _time.GetUtcNow()));

    internal void Enqueue(ChannelSubscription subscription, string channel, ReadOnlyMemory<byte> envelope) => _inbox.Writer.TryWrite((subscription, channel, envelope));

    /// <inheritdoc />
    protected override Task PublishToTransportAsync(string channel, ReadOnlyMemory<byte> envelope, CancellationToken ct)
    {
        // Alone on its network, nobody else could receive it: local delivery already happened. The envelope is an
        // array of its own that the broadcaster never changes (see the base method), so it is shared, not copied.
        if (_network.IsAway(this))
        {
            return Task.FromException(new InvalidOperationException("The broadcaster is disconnected from its in-memory network."));
        }

        if (_network.HasOtherMembers)
        {
            _network.Deliver(channel, envelope);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override Task SubscribeToTransportAsync(ChannelSubscription subscription, bool refresh, CancellationToken ct)
    {
        _network.Subscribe(this, subscription);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override Task UnsubscribeFromTransportAsync(ChannelSubscription subscription, CancellationToken ct)
    {
        _network.Unsubscribe(this, subscription);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeTransportAsync(IReadOnlyCollection<ChannelSubscription> stillSubscribed)
    {
        _network.Leave(this);
        _inbox.Writer.TryComplete();
        await _pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task PumpAsync()
    {
        var reader = _inbox.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                await OnTransportMessageAsync(item.Subscription, item.Channel, item.Envelope).ConfigureAwait(false);
            }
        }
    }
}
