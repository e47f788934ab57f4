using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using LiveTemplate.Typed.AspNetCore.Sessions;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.Presence;
using Microsoft.Extensions.DependencyInjection;
using LiveTemplate.Typed.PubSub;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveTemplate.Typed.AspNetCore.Hosting;

/// <summary>
/// The app's one connection registry (attached to the broadcaster) and the connections open now. On application
/// stopping it stops accepting, asks every connection to close with 1001, and aborts those still open after
/// <see cref="LiveTemplateOptions.ShutdownTimeout"/>. The timer starts with the stopping signal, not with this
/// service's <see cref="StopAsync"/>: the server may stop first, and it waits for the connections to end.
/// </summary>
internal sealed class LiveTemplateRuntime : IHostedService, IAsyncDisposable
{
    private const string ShutdownReason = "server shutting down";

    private readonly IHostApplicationLifetime _lifetime;
    private readonly LiveTemplateOptions _options;
    private readonly ILogger _logger;
    private readonly Lazy<Task<ConnectionRegistry>> _registry;
    private readonly ConcurrentDictionary<ConnectionSession, byte> _sessions = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Cancelled ShutdownTimeout after the stopping signal: a connection the upgrade brought in after shutdown began
    // (refused by TryTrack, closed with 1001) is aborted then too, so that one that never answers the close cannot
    // hold the shutdown for CloseTimeout after the drain of the others has ended.
    private readonly CancellationTokenSource _deadline = new();
    private CancellationTokenRegistration _onStopping;
    private readonly Lazy<Task> _draining;
    private int _shuttingDown;

    public LiveTemplateRuntime(IBroadcaster broadcaster, IOptions<LiveTemplateOptions> options, IHostApplicationLifetime lifetime, ILoggerFactory loggers, IServiceProvider services, IMeterFactory? meters = null)
    {
        Presence = services.GetRequiredService<PresenceSlot>();
        Broadcaster = broadcaster;
        _lifetime = lifetime;
        _options = options.Value;
        _logger = loggers.CreateLogger<LiveTemplateRuntime>();
        var registryOptions = new ConnectionRegistryOptions
        {
            OutboundQueueCapacity = _options.OutboundQueueCapacity,
            OutboundFullMode = _options.OutboundFullMode,
            SubscribeTimeout = _options.SubscribeTimeout,
            // The factory set in code (else the app's, set on the options when the broadcaster was made) makes every meter.
            MeterFactory = _options.MeterFactory ?? meters,
        };
        _registry = new(() => ConnectionRegistry.AttachAsync(broadcaster, registryOptions, loggers.CreateLogger<ConnectionRegistry>()));
        _draining = new(AbortStragglersAsync);
    }

    public IBroadcaster Broadcaster { get; }

    /// <summary>The app's presence tracker, created (and its heartbeat started) when a connection first uses presence.</summary>
    public PresenceSlot Presence { get; }

    public bool IsAccepting => Volatile.Read(ref _shuttingDown) == 0;

    public int ConnectionCount => _sessions.Count;

    /// <summary>The registry, attaching it to the broadcaster on first use (the global channel is subscribed then).</summary>
    public Task<ConnectionRegistry> GetRegistryAsync() => _registry.Value;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _onStopping = _lifetime.ApplicationStopping.Register(BeginShutdown);
        await GetRegistryAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        BeginShutdown();
        return _draining.Value.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Tracks a new session; false once shutdown has begun (the caller closes it with 1001; it is aborted at the
    /// shutdown's deadline if it is still open then).
    /// </summary>
    public bool TryTrack(ConnectionSession session)
    {
        _sessions.TryAdd(session, 0);
        if (IsAccepting)
        {
            return true;
        }

        Untrack(session);
        _deadline.Token.UnsafeRegister(static state => ((ConnectionSession)state!).Abort(), session);
        return false;
    }

    public void Untrack(ConnectionSession session)
    {
        if (_sessions.TryRemove(session, out _) && !IsAccepting && _sessions.IsEmpty)
        {
            _drained.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _onStopping.DisposeAsync().ConfigureAwait(false);
        _deadline.Dispose();
        if (_registry.IsValueCreated)
        {
            var attaching = _registry.Value;
            await ((Task)attaching).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (attaching.IsCompletedSuccessfully)
            {
                await attaching.Result.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private void BeginShutdown()
    {
        if (Interlocked.Exchange(ref _shuttingDown, 1) != 0)
        {
            return;
        }

        _deadline.CancelAfter(_options.ShutdownTimeout);
        LiveLog.ShutdownStarted(_logger, _sessions.Count);
        foreach (var session in _sessions.Keys)
        {
            session.RequestClose(WebSocketCloseStatus.EndpointUnavailable, ShutdownReason);
        }

        if (_sessions.IsEmpty)
        {
            _drained.TrySetResult();
        }

        _ = _draining.Value;
    }

    private async Task AbortStragglersAsync()
    {
        try
        {
            await _drained.Task.WaitAsync(_options.ShutdownTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LiveLog.ShutdownAborted(_logger, _sessions.Count, _options.ShutdownTimeout);
            foreach (var session in _sessions.Keys)
            {
                session.Abort();
            }
        }
    }
}
