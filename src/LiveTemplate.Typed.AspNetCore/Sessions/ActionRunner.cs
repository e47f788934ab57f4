using System.Net.WebSockets;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.AspNetCore.Topics;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;
using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.AspNetCore.Sessions;

/// <summary>
/// What a connection's event loop does with one inbox item: runs a browser action (when the endpoint allows it,
/// in the connection's own scope) or an action from the broadcaster through the handler's generated dispatch,
/// forwards a broadcast or a browser-subscribed topic action, runs a browser's presence or topic frame, or answers an invalid frame, closing the connection at the last one allowed.
/// </summary>
internal sealed class ActionRunner
{
    // A topic action's and a broadcast's browser frame depend on the message alone: written once for every local
    // connection it reaches (PubSubMessage.EncodeOnce), each connection sends those bytes.
    private static readonly Func<PubSubMessage, byte[]> TopicFrame = m => FrameSender.Encode((TopicActionMessage)m, TopicFrames.WriteAction);
    private static readonly Func<PubSubMessage, byte[]> BroadcastFrame = m => FrameSender.Encode((BroadcastMessage)m, Frames.WriteBroadcast);

    private readonly IActionDispatcher _handler;
    private readonly LocalConnection _connection;
    private readonly BrowserActionRules _browserActions;
    private readonly ConnectionSession _session;
    private readonly int _maxInvalidFrames;
    private readonly ILogger _logger;
    private int _invalidFrames;

    public ActionRunner(IActionDispatcher handler, LocalConnection connection, BrowserActionRules browserActions, ConnectionSession session, int maxInvalidFrames, ILogger logger)
    {
        _handler = handler;
        _connection = connection;
        _browserActions = browserActions;
        _session = session;
        _maxInvalidFrames = maxInvalidFrames;
        _logger = logger;
    }

    public ValueTask RunAsync(InboxItem item) => item.Kind switch
    {
        InboxItemKind.BrowserAction => RunBrowserActionAsync(item.Frame),
        InboxItemKind.Invalid => RejectAsync(item.Error),
        InboxItemKind.Work => RunWorkAsync(item.Work!),
        _ => RunMessageAsync(item.Message!),
    };

    private async ValueTask RunBrowserActionAsync(BrowserFrame frame)
    {
        if (frame.Presence is { } op)
        {
            await RunBrowserPresenceAsync(op, frame.Data).ConfigureAwait(false);
            return;
        }

        if (frame.Topic is { } topicOp)
        {
            await RunBrowserTopicAsync(topicOp, frame.Name).ConfigureAwait(false);
            return;
        }

        var action = frame.Action;
        if (!_browserActions.TryGetScope(action, out var scope))
        {
            await RejectAsync(_handler.CanHandle(action)
                ? new ErrorFrame(LiveErrorCodes.NotAllowed, $"Action '{action}' cannot be invoked from the browser.", action)
                : new ErrorFrame(LiveErrorCodes.UnknownAction, $"There is no action '{action}'.", action)).ConfigureAwait(false);
            return;
        }

        ActionContext context;
        if (scope == ActionScope.Group)
        {
            context = ActionContext.ForGroup(_connection.GroupId, _connection, _session.Stopping);
        }
        else if (_connection.UserId is { } user)
        {
            context = ActionContext.ForUser(user, _connection, _session.Stopping);
        }
        else
        {
            await RejectAsync(new ErrorFrame(LiveErrorCodes.NotAllowed, $"Action '{action}' needs a signed-in user.", action)).ConfigureAwait(false);
            return;
        }

        using var activity = DispatchTracing.StartForBrowser(action, _connection.Id);
        var outcome = await DispatchAsync(action, frame.Data, context, fromBrowser: true).ConfigureAwait(false);
        DispatchTracing.Outcome(activity, outcome);
        if (outcome.Result is not { IsHandled: false } result)
        {
            return;
        }

        if (result.Status == ActionDispatchStatus.UnknownAction)
        {
            LiveLog.AllowedButNotHandled(_logger, action, _handler.GetType().Name);
        }

        await RejectAsync(result.Status switch
        {
            ActionDispatchStatus.InvalidData => new ErrorFrame(LiveErrorCodes.InvalidData, result.Detail!, action),
            ActionDispatchStatus.UnknownAction => new ErrorFrame(LiveErrorCodes.UnknownAction, $"There is no action '{action}'.", action),
            _ => new ErrorFrame(LiveErrorCodes.NotAllowed, result.Detail!, action),
        }).ConfigureAwait(false);
    }

    private async ValueTask RunBrowserPresenceAsync(string op, ReadOnlyMemory<byte> data)
    {
        ErrorFrame? error;
        try
        {
            error = await _session.Presence.RunBrowserAsync(op, data).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_session.Stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A store that failed or gave up (its own timeout's cancellation included) is the server's failure, not the browser's.
            LiveLog.HandlerFailed(_logger, ex, _connection.Id, "presence:" + op);
            error = null;
            await _session.Sender.SendAsync(new ErrorFrame(LiveErrorCodes.HandlerFailed, $"Presence '{op}' failed on the server.", null), Frames.WriteError, _session.Stopping).ConfigureAwait(false);
        }

        if (error is { } refused)
        {
            await RejectAsync(refused).ConfigureAwait(false);
        }
    }

    private async ValueTask RunBrowserTopicAsync(string op, string? name)
    {
        if (await _session.BrowserTopics.RunAsync(op, name, _session.Stopping).ConfigureAwait(false) is not { } refused)
        {
            return;
        }

        if (refused.CountsAsInvalid)
        {
            await RejectAsync(refused.Frame).ConfigureAwait(false);
            return;
        }

        if (refused.Failure is { } failure)
        {
            LiveLog.HandlerFailed(_logger, failure, _connection.Id, "topic:" + op);
        }
        else
        {
            LiveLog.TopicRefused(_logger, _connection.Id, refused.Frame.Code, refused.Frame.Topic ?? string.Empty);
        }

        await _session.Sender.SendAsync(refused.Frame, Frames.WriteError, _session.Stopping).ConfigureAwait(false);
    }

    /// <summary>Runs work queued for the event loop (a presence event for the handler and the browser); its failure is logged.</summary>
    private async ValueTask RunWorkAsync(Func<CancellationToken, ValueTask> work)
    {
        try
        {
            await work(_session.Stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_session.Stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LiveLog.HandlerFailed(_logger, ex, _connection.Id, "presence");
        }
    }

    private async ValueTask RunMessageAsync(PubSubMessage message)
    {
        // A broadcast is forwarded to the browser and runs no handler: it makes no dispatch span.
        using var activity = message is BroadcastMessage ? null : DispatchTracing.StartForMessage(message, _connection.Id);
        HandlerOutcome outcome;
        _session.Sender.Delivering = message;
        try
        {
            outcome = message switch
            {
                GroupActionMessage group => await DispatchAsync(group.Action, group.Data, ActionContext.From(group, _connection, _session.Stopping), fromBrowser: false).ConfigureAwait(false),
                ServerActionMessage server => await DispatchAsync(server.Action, server.Data, ActionContext.From(server, _connection, _session.Stopping), fromBrowser: false).ConfigureAwait(false),
                TopicActionMessage topic => await RunTopicActionAsync(topic).ConfigureAwait(false),
                _ => HandlerOutcome.None,
            };
        }
        finally
        {
            _session.Sender.Delivering = null;
        }

        DispatchTracing.Outcome(activity, outcome);
        if (message is BroadcastMessage broadcast)
        {
            await _session.Sender.SendEncodedAsync(broadcast.EncodeOnce(BroadcastFrame), _session.Stopping).ConfigureAwait(false);
        }
        else if (outcome.Result is { IsHandled: false } notHandled)
        {
            // Normal when groups are shared by endpoints with different handlers; visible when debugging.
            LiveLog.MessageNotHandled(_logger, _connection.Id, notHandled.Action, message.InstanceId, notHandled.Detail ?? string.Empty);
        }
    }

    /// <summary>
    /// A topic action goes to the browser when it holds the topic or a matching pattern, and runs the handler unless only
    /// the browser's subscriptions brought it here (so the handler sees what it subscribed to, the browser what it did).
    /// </summary>
    private async ValueTask<HandlerOutcome> RunTopicActionAsync(TopicActionMessage message)
    {
        var holders = _session.Topics.HoldersOf(message.Topic);
        if (holders.HasFlag(TopicHolder.Browser))
        {
            await _session.Sender.SendEncodedAsync(message.EncodeOnce(TopicFrame), _session.Stopping).ConfigureAwait(false);
        }

        // None: the message was queued before the last holder let go (a browser's unsubscribe ran in between); the
        // handler runs only while it, or the app through the registry, still holds the topic.
        return holders == TopicHolder.Browser || (holders == TopicHolder.None && !HeldThroughRegistry(message.Topic))
            ? HandlerOutcome.None
            : await DispatchAsync(message.Action, message.Data, ActionContext.From(message, _connection, _session.Stopping), fromBrowser: false).ConfigureAwait(false);
    }

    // A subscription made with ConnectionRegistry.SubscribeAsync itself, outside LiveConnection (rare: copies the sets).
    private bool HeldThroughRegistry(Topic topic)
        => _connection.Topics.Contains(topic) || _connection.TopicPatterns.Any(pattern => pattern.Matches(topic));

    /// <summary>Runs the handler; its failure is logged (and told to the browser, for a browser action) and is the outcome.</summary>
    private async ValueTask<HandlerOutcome> DispatchAsync(string action, ReadOnlyMemory<byte> data, ActionContext context, bool fromBrowser)
    {
        try
        {
            return HandlerOutcome.Ran(await _handler.DispatchAsync(action, data, context).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (_session.Stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LiveLog.HandlerFailed(_logger, ex, _connection.Id, action);
            if (fromBrowser)
            {
                await _session.Sender.SendAsync(new ErrorFrame(LiveErrorCodes.HandlerFailed, $"Action '{action}' failed on the server.", action), Frames.WriteError, _session.Stopping).ConfigureAwait(false);
            }

            return HandlerOutcome.Failed;
        }
    }

    /// <summary>Answers an invalid frame with an error frame; the last one allowed also closes the connection (1008).</summary>
    private async ValueTask RejectAsync(ErrorFrame error)
    {
        LiveLog.InvalidFrame(_logger, _connection.Id, error.Code, error.Message);
        if (++_invalidFrames >= _maxInvalidFrames)
        {
            _session.RequestClose(WebSocketCloseStatus.PolicyViolation, "too many invalid frames", error);
            return;
        }

        await _session.Sender.SendAsync(error, Frames.WriteError, _session.Stopping).ConfigureAwait(false);
    }
}
