using System.Diagnostics;
using System.Net.WebSockets;
using System.Threading.Channels;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.AspNetCore.Hosting;
using LiveTemplate.Typed.AspNetCore.Recovery;
using LiveTemplate.Typed.AspNetCore.Topics;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.Presence;
using LiveTemplate.Typed.PubSub;
using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.AspNetCore.Sessions;

/// <summary>
/// One browser connection's event loop. Browser frames (from <see cref="BrowserReceiver"/>, in a small bounded inbox)
/// and messages from the broadcaster (the registry's bounded <see cref="LocalConnection.Outbound"/>) are run one at a
/// time through the connection's handler, each source in its own order, the two taken in turn. Messages of streams
/// with history go through the <see cref="StreamFollower"/>: a resuming browser's missed messages first, then each
/// once, in order.
/// </summary>
internal sealed class ConnectionSession
{
    // Small: the browser's frames and the loop's own work; the broadcaster's messages wait in the registry's queue.
    private const int InboxCapacity = 32;

    private readonly WebSocket _socket;
    private readonly LocalConnection _connection;
    private readonly BrowserActionRules _browserActions;
    private readonly LiveTemplateOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<InboxItem> _inbox = Channel.CreateBounded<InboxItem>(new BoundedChannelOptions(InboxCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    // Not linked, and timed only once the browser left (a timer the cancellation at the end releases), so it needs no
    // disposing: a handler may keep Closing after the end.
    private readonly CancellationTokenSource _stopping = new();
    private readonly LoopWaits _waits;
    private readonly CancellationToken _requestAborted;
    private CloseRequest? _close;
    private int _browserLeft;

    public ConnectionSession(WebSocket socket, LocalConnection connection, ConnectionStreams streams, BrowserActionRules browserActions, IBroadcaster broadcaster, ConnectionRegistry registry, LiveTemplateOptions options, ILogger logger, CancellationToken requestAborted, PresenceSlot presence, PresencePolicy? presencePolicy, TopicPolicy? topicPolicy)
    {
        Streams = streams;
        _socket = socket;
        _connection = connection;
        _browserActions = browserActions;
        _options = options;
        _logger = logger;
        _requestAborted = requestAborted;
        _waits = new LoopWaits(_inbox.Reader, connection.Outbound, _stopping.Token);
        Sender = new FrameSender(socket, options.SendTimeout, logger, connection.Id, batches: socket.SubProtocol == FrameSender.BatchProtocol);
        Topics = new ConnectionTopics(connection, registry);
        Live = new LiveConnection(connection, this, broadcaster);
        BrowserTopics = new BrowserTopics(Topics, Live, topicPolicy, Sender);
        Presence = new ConnectionPresence(Live, this, presence, presencePolicy, options.Presence.MaxMetadataBytes, options.OutboundQueueCapacity);
    }

    public LiveConnection Live { get; }

    /// <summary>The connection's topics and patterns, held by its handler, its browser or both.</summary>
    public ConnectionTopics Topics { get; }

    /// <summary>Runs the browser's topic frames under the endpoint's policy.</summary>
    public BrowserTopics BrowserTopics { get; }

    /// <summary>The connection's presence (what <see cref="LiveConnection.Presence"/> returns).</summary>
    public ConnectionPresence Presence { get; }

    /// <summary>Queues <paramref name="item"/> in the event loop, waiting while it is full; does nothing once the connection is closing.</summary>
    public async ValueTask PostAsync(InboxItem item)
    {
        try
        {
            await _inbox.Writer.WriteAsync(item, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
        }
    }

    /// <summary>The connection's streams with history and where the browser is in each.</summary>
    public ConnectionStreams Streams { get; }

    public FrameSender Sender { get; }

    /// <summary>True once the server has decided to close (the browser's frames are then discarded).</summary>
    public bool IsClosing => Volatile.Read(ref _close) is not null;

    /// <summary>Cancelled when the connection starts closing: the loop and the running handler stop.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Asks the loop to stop and the socket to close with <paramref name="status"/>; the first request wins.</summary>
    public void RequestClose(WebSocketCloseStatus status, string reason, ErrorFrame? error = null)
    {
        if (Interlocked.CompareExchange(ref _close, new CloseRequest(status, reason, error), null) is not null)
        {
            return;
        }

        if (status is not (WebSocketCloseStatus.NormalClosure or WebSocketCloseStatus.EndpointUnavailable))
        {
            LiveLog.ClosedByServer(_logger, _connection.Id, reason);
        }

        _stopping.Cancel();
        _waits.Stop();
    }

    /// <summary>Ends the connection at once, without a close handshake (shutdown took too long).</summary>
    public void Abort()
    {
        RequestClose(WebSocketCloseStatus.EndpointUnavailable, "aborted");
        _socket.Abort();
    }

    /// <summary>Runs the connection until it closes; returns once the socket is closed or aborted.</summary>
    public async Task RunAsync(IActionDispatcher handler)
    {
        var started = Stopwatch.GetTimestamp();
        // An aborted socket ends the receiver's pending read (the receive takes no token: it would register one per read).
        using var dropped = _requestAborted.Register(static state =>
        {
            var session = (ConnectionSession)state!;
            session._socket.Abort();
            session.BrowserLeft();
        }, this);
        var receiving = new BrowserReceiver(_socket, this, _inbox.Writer, _options).RunAsync();
        try
        {
            await Sender.SendAsync((_connection, Streams), Frames.WriteHello, _stopping.Token).ConfigureAwait(false);
            if (handler is IConnectionLifecycle lifecycle)
            {
                await lifecycle.OnConnectedAsync(_stopping.Token).ConfigureAwait(false);
            }

            var runner = new ActionRunner(handler, _connection, _browserActions, this, _options.MaxInvalidFrames, _logger);
            var follower = new StreamFollower(Streams, runner, this, handler, _connection, _logger);
            await follower.ReplayAsync().ConfigureAwait(false);
            await RunLoopAsync(runner, follower).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LiveLog.ConnectionFailed(_logger, ex, _connection.Id);
            RequestClose(WebSocketCloseStatus.InternalServerError, "internal error");
        }

        await CloseAsync(receiving).ConfigureAwait(false);
        _stopping.Cancel();
        var close = Volatile.Read(ref _close);
        LiveLog.Disconnected(_logger, _connection.Id, (int?)(close?.Status ?? _socket.CloseStatus) ?? 1006, close?.Reason ?? _socket.CloseStatusDescription ?? string.Empty, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// The browser closed or went away (its connection dropped, even while its frames wait for the loop): what it sent
    /// before still runs, in order, but <see cref="LiveTemplateOptions.CloseTimeout"/> later the connection stops (an
    /// action still running sees <see cref="Stopping"/> cancelled), so that a handler waiting on it cannot keep the
    /// connection. A timer only from then on: a connection that is open holds none.
    /// </summary>
    public void BrowserLeft()
    {
        if (!_stopping.IsCancellationRequested && Interlocked.Exchange(ref _browserLeft, 1) == 0)
        {
            _stopping.CancelAfter(_options.CloseTimeout);
        }
    }

    /// <summary>The WebSocket aborted the connection: a keep-alive ping went unanswered for <paramref name="timeout"/>.</summary>
    public void PingUnanswered(TimeSpan timeout) => LiveLog.PingUnanswered(_logger, _connection.Id, timeout);

    // The loop reads both sources itself (no task moves messages from one queue into the other: that was a second
    // thread-pool hop per delivery). It takes at most one item from each in turn, so that neither starves the other,
    // and waits only when both are empty.
    private async Task RunLoopAsync(ActionRunner runner, StreamFollower follower)
    {
        var inbox = _inbox.Reader;
        var outbound = _connection.Outbound;
        while (true)
        {
            var ran = false;
            if (inbox.TryRead(out var item))
            {
                if (item.Kind == InboxItemKind.PeerClosed)
                {
                    return;
                }

                Sender.Hold();
                await Held(runner.RunAsync(item)).ConfigureAwait(false);
                _stopping.Token.ThrowIfCancellationRequested();
                ran = true;
            }

            if (outbound.TryRead(out var message))
            {
                Sender.Hold();
                await Held(RunMessageAsync(runner, follower, message)).ConfigureAwait(false);
                _stopping.Token.ThrowIfCancellationRequested();
                ran = true;
            }

            if (!ran)
            {
                // Idle: what the items run since the last wait wrote goes to the browser now (one message, if it batches).
                await Sender.FlushAsync().ConfigureAwait(false);
                if (!await _waits.EitherAsync().ConfigureAwait(false))
                {
                    return;
                }
            }
        }
    }

    private static async ValueTask RunMessageAsync(ActionRunner runner, StreamFollower follower, PubSubMessage message)
    {
        if (!await follower.TryRunAsync(message).ConfigureAwait(false))
        {
            await runner.RunAsync(InboxItem.From(message)).ConfigureAwait(false);
        }
    }

    // An item that ran to its end at once joins the batch; one that waits for something (a handler's I/O) first sends
    // what is held, and its own later frames go as it sends them, so that no frame waits on someone's I/O.
    private ValueTask Held(ValueTask running) => running.IsCompleted ? running : FlushThenAsync(running);

    private async ValueTask FlushThenAsync(ValueTask running)
    {
        await Sender.FlushAsync().ConfigureAwait(false);
        await running.ConfigureAwait(false);
    }

    /// <summary>Sends the pending error frame and the close frame, then waits (bounded) for the browser's answer.</summary>
    private async Task CloseAsync(Task receiving)
    {
        await Sender.FlushAsync().ConfigureAwait(false);
        var close = Volatile.Read(ref _close);
        if (close?.Error is { } error)
        {
            await Sender.SendAsync(error, Frames.WriteError, CancellationToken.None).ConfigureAwait(false);
        }

        await Sender.CloseAsync(close?.Status ?? WebSocketCloseStatus.NormalClosure, close?.Reason ?? string.Empty, _options.CloseTimeout).ConfigureAwait(false);
        try
        {
            await receiving.WaitAsync(_options.CloseTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _socket.Abort();
            await receiving.ConfigureAwait(false);
        }
    }
}
