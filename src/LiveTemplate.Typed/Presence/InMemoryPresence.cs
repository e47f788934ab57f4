using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveTemplate.Typed.Presence;

/// <summary>
/// Presence for one app instance with no services (the default), or, joined to a shared <see cref="InMemoryPresenceNetwork"/>,
/// for several in one process (tests and demos) with the Redis store's semantics.
/// </summary>
public sealed class InMemoryPresence : PresenceTracker
{
    private readonly Channel<PresenceEvent> _inbox = Channel.CreateUnbounded<PresenceEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _pump;

    /// <summary>Creates a stand-alone tracker.</summary>
    public InMemoryPresence(PresenceOptions? options = null, ILogger<InMemoryPresence>? logger = null)
        : this(new InMemoryPresenceNetwork(), options, logger)
    {
    }

    /// <summary>Creates a tracker that shares <paramref name="network"/> with every other tracker on it.</summary>
    public InMemoryPresence(InMemoryPresenceNetwork network, PresenceOptions? options = null, ILogger<InMemoryPresence>? logger = null)
        : base(options ?? new PresenceOptions(), (ILogger?)logger ?? NullLogger.Instance)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
        _pump = Task.Run(PumpAsync);
        Start();
    }

    /// <summary>The store this tracker is on.</summary>
    public InMemoryPresenceNetwork Network { get; }

    internal void Enqueue(PresenceEvent presenceEvent) => _inbox.Writer.TryWrite(presenceEvent);

    /// <inheritdoc />
    protected override Task TrackOnStoreAsync(PresenceScope scope, PresenceConnection connection, CancellationToken ct)
        => Run(() => Network.Track(this, scope, connection));

    /// <inheritdoc />
    protected override Task<bool> UpdateOnStoreAsync(PresenceScope scope, string connectionId, ReadOnlyMemory<byte> metadata, DateTimeOffset at, CancellationToken ct)
        => Run(() => Network.Update(this, scope, connectionId, metadata, at));

    /// <inheritdoc />
    protected override Task UntrackOnStoreAsync(PresenceScope scope, string connectionId, DateTimeOffset at, CancellationToken ct)
        => Run(() => Network.Untrack(this, scope, connectionId, at));

    /// <inheritdoc />
    protected override Task<IReadOnlyList<PresenceConnection>> ListOnStoreAsync(PresenceScope scope, CancellationToken ct)
        => Run(() => Network.List(this, scope));

    /// <inheritdoc />
    protected override Task<PresenceCount> CountOnStoreAsync(PresenceScope scope, CancellationToken ct)
        => Run(() => Network.Count(this, scope));

    /// <inheritdoc />
    protected override Task<bool> BeatOnStoreAsync(string instanceId, TimeSpan timeout, CancellationToken ct)
    {
        var now = Options.TimeProvider.GetUtcNow();
        return Run(() => Network.Beat(this, instanceId, now + timeout, now));
    }

    /// <inheritdoc />
    protected override Task<IReadOnlyList<string>> FindExpiredOnStoreAsync(string self, CancellationToken ct)
        => Run(() => Network.FindExpired(this, self, Options.TimeProvider.GetUtcNow()));

    /// <inheritdoc />
    protected override Task<int> EvictOnStoreAsync(string instanceId, DateTimeOffset at, CancellationToken ct)
        => Run(() => Network.Evict(this, instanceId, at));

    /// <inheritdoc />
    protected override Task ForgetScopeOnStoreAsync(PresenceScope scope, string instanceId, CancellationToken ct)
        => Run(() => Network.ForgetScopeOf(this, instanceId, scope));

    /// <inheritdoc />
    protected override Task EndOnStoreAsync(string instanceId, CancellationToken ct)
        => Run(() => Network.End(this, instanceId));

    /// <inheritdoc />
    protected override Task WatchOnStoreAsync(PresenceScope scope, CancellationToken ct)
        => Run(() => Network.Watch(this, scope, on: true));

    /// <inheritdoc />
    protected override Task UnwatchOnStoreAsync(PresenceScope scope, CancellationToken ct)
        => Run(() => Network.Watch(this, scope, on: false));

    /// <inheritdoc />
    protected override async ValueTask DisposeStoreAsync()
    {
        Network.Leave(this);
        _inbox.Writer.TryComplete();
        await _pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private static Task Run(Action action)
    {
        try
        {
            action();
            return Task.CompletedTask;
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    private static Task<T> Run<T>(Func<T> action)
    {
        try
        {
            return Task.FromResult(action());
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    private async Task PumpAsync()
    {
        var reader = _inbox.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var presenceEvent))
            {
                await OnStoreEventAsync(presenceEvent).ConfigureAwait(false);
            }
        }
    }
}
