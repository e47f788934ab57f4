using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Net.WebSockets;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.AspNetCore.Hosting;
using LiveTemplate.Typed.AspNetCore.Recovery;
using LiveTemplate.Typed.AspNetCore.Sessions;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.Presence;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.AspNetCore.Endpoint;

/// <summary>
/// One mapped endpoint: checks the request, upgrades it, registers the connection, creates its handler (through
/// the request's services, so scoped services live as long as the connection) and runs its session.
/// </summary>
internal sealed class LiveEndpoint<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>
    where THandler : class, IActionDispatcher
{
    private static readonly ObjectFactory<THandler> CreateHandler = ActivatorUtilities.CreateFactory<THandler>([typeof(LiveConnection)]);

    private readonly LiveTemplateRuntime _runtime;
    private readonly LiveEndpointOptions _endpoint;
    private readonly BrowserActionRules _browserActions;
    private readonly LiveTemplateOptions _options;
    private readonly ILogger _logger;

    public LiveEndpoint(LiveTemplateRuntime runtime, LiveEndpointOptions endpoint, LiveTemplateOptions options, ILogger logger)
    {
        _runtime = runtime;
        _endpoint = endpoint;
        _browserActions = endpoint.FreezeBrowserActions();
        _options = options;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, "This endpoint accepts WebSocket connections only.").ConfigureAwait(false);
            return;
        }

        if (!AllowedOrigins.Allow(_options.AllowedOrigins, http.Request))
        {
            await RefuseAsync(http, StatusCodes.Status403Forbidden, "This page's origin may not connect: it is not in LiveTemplate:AllowedOrigins.").ConfigureAwait(false);
            return;
        }

        if (!_runtime.IsAccepting)
        {
            await RefuseAsync(http, StatusCodes.Status503ServiceUnavailable, "The server is shutting down.").ConfigureAwait(false);
            return;
        }

        if (!ConnectionIdentity.TryResolve(http, _endpoint, _options, _logger, out var identity, out var problem))
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, problem).ConfigureAwait(false);
            return;
        }

        if (!ResumeRequest.TryParse(http.Request.Query[ResumeRequest.QueryParameter], out var resume, out var resumeProblem))
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, resumeProblem).ConfigureAwait(false);
            return;
        }

        var registry = await _runtime.GetRegistryAsync().ConfigureAwait(false);
        identity.IssueSessionCookie(http, _options);
        // A browser that offers the batch subprotocol takes several frames per WebSocket message (docs/aspnetcore.md).
        var batches = http.WebSockets.WebSocketRequestedProtocols.Contains(FrameSender.BatchProtocol);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(batches ? FrameSender.BatchProtocol : null).ConfigureAwait(false);
        LocalConnection? connection = null;
        ConnectionStreams streams;
        try
        {
            connection = await registry.RegisterAsync(SessionIds.New(), identity.GroupId, identity.UserId, http.RequestAborted).ConfigureAwait(false);

            // Registered first: whatever is published from now on is queued for it, and told from the history read next.
            streams = await ConnectionStreams.OpenAsync(_runtime.Broadcaster, connection, resume, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or OperationCanceledException)
        {
            if (connection is not null)
            {
                await registry.UnregisterAsync(connection, CancellationToken.None).ConfigureAwait(false);
            }

            socket.Abort();
            return;
        }

        await RunAsync(http, socket, registry, connection, streams).ConfigureAwait(false);
    }

    private async Task RunAsync(HttpContext http, WebSocket socket, ConnectionRegistry registry, LocalConnection connection, ConnectionStreams streams)
    {
        var opened = Stopwatch.GetTimestamp();
        var session = new ConnectionSession(socket, connection, streams, _browserActions, _runtime.Broadcaster, registry, _options, _logger, http.RequestAborted, _runtime.Presence, _endpoint.Presence, _endpoint.Topics);
        THandler? handler = null;
        try
        {
            if (!_runtime.TryTrack(session))
            {
                session.RequestClose(WebSocketCloseStatus.EndpointUnavailable, "server shutting down");
            }

            LiveLog.Connected(_logger, connection.Id, connection.GroupId.Value, connection.UserId?.Value ?? string.Empty);
            handler = CreateHandler(http.RequestServices, [session.Live]);
            await session.RunAsync(handler).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The handler could not be created (a service it needs is not registered): close, do not crash.
            LiveLog.ConnectionFailed(_logger, ex, connection.Id);
            session.RequestClose(WebSocketCloseStatus.InternalServerError, "internal error");
            await session.Sender.CloseAsync(WebSocketCloseStatus.InternalServerError, "internal error", _options.CloseTimeout).ConfigureAwait(false);
            if (handler is null)
            {
                // The session never ran, so it logged no close: the connection was opened (100), so it is closed (101).
                LiveLog.Disconnected(_logger, connection.Id, (int)WebSocketCloseStatus.InternalServerError, "internal error", Stopwatch.GetElapsedTime(opened));
            }
        }
        finally
        {
            using var bound = new CancellationTokenSource(_options.CloseTimeout);
            await EndPresenceAsync(session, bound.Token).ConfigureAwait(false);
            await registry.UnregisterAsync(connection, bound.Token).ConfigureAwait(false);
            await EndHandlerAsync(handler, connection.Id, bound.Token).ConfigureAwait(false);
            _runtime.Untrack(session);
        }
    }

    private async Task EndPresenceAsync(ConnectionSession session, CancellationToken ct)
    {
        try
        {
            await session.Presence.EndAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The store is away: the tracker's heartbeat removes the connection's entry once it answers again.
            LiveLog.LifecycleFailed(_logger, ex, session.Live.Id, "presence untrack");
        }
    }

    private async Task EndHandlerAsync(THandler? handler, string connectionId, CancellationToken ct)
    {
        try
        {
            if (handler is IConnectionLifecycle lifecycle)
            {
                await lifecycle.OnDisconnectedAsync(ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            LiveLog.LifecycleFailed(_logger, ex, connectionId, nameof(IConnectionLifecycle.OnDisconnectedAsync));
        }

        // Disposed whatever OnDisconnectedAsync did: the factory's instance is not tracked by the container, so nothing
        // else would release what the handler holds.
        try
        {
            if (handler is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else if (handler is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
        catch (Exception ex)
        {
            LiveLog.LifecycleFailed(_logger, ex, connectionId, handler is IAsyncDisposable ? nameof(IAsyncDisposable.DisposeAsync) : nameof(IDisposable.Dispose));
        }
    }

    private Task RefuseAsync(HttpContext http, int status, string reason)
    {
        LiveLog.Refused(_logger, http.Request.Path, status, reason);
        http.Response.StatusCode = status;
        return http.Response.WriteAsync(reason, http.RequestAborted);
    }
}
