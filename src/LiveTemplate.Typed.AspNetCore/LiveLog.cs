using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.AspNetCore;

/// <summary>The ASP.NET Core integration's log messages (source-generated, structured; event ids 100–199).</summary>
internal static partial class LiveLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Connection {connection_id} opened (group {group_id}, user {user_id})")]
    public static partial void Connected(ILogger logger, string connection_id, string group_id, string user_id);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Connection {connection_id} closed ({close_status} {close_reason}) after {duration}")]
    public static partial void Disconnected(ILogger logger, string connection_id, int close_status, string close_reason, TimeSpan duration);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Refused a connection to {path} with {status_code}: {reason}")]
    public static partial void Refused(ILogger logger, string path, int status_code, string reason);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "Connection {connection_id} sent an invalid frame ({error_code}): {detail}")]
    public static partial void InvalidFrame(ILogger logger, string connection_id, string error_code, string detail);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Connection {connection_id} closed by the server: {reason}")]
    public static partial void ClosedByServer(ILogger logger, string connection_id, string reason);

    [LoggerMessage(EventId = 106, Level = LogLevel.Error, Message = "Connection {connection_id}: the handler failed on action {action}; the connection stays open")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string connection_id, string action);

    [LoggerMessage(EventId = 107, Level = LogLevel.Debug, Message = "Connection {connection_id}: action {action} from instance {instance_id} was not handled: {detail}")]
    public static partial void MessageNotHandled(ILogger logger, string connection_id, string action, string instance_id, string detail);

    [LoggerMessage(EventId = 108, Level = LogLevel.Warning, Message = "Action {action} is allowed from the browser but {handler} has no IHandle for it")]
    public static partial void AllowedButNotHandled(ILogger logger, string action, string handler);

    [LoggerMessage(EventId = 109, Level = LogLevel.Error, Message = "Connection {connection_id} failed and is closed with 1011")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception, string connection_id);

    [LoggerMessage(EventId = 110, Level = LogLevel.Warning, Message = "Connection {connection_id}: a frame could not be sent within {timeout}; the connection is aborted")]
    public static partial void SendTimedOut(ILogger logger, string connection_id, TimeSpan timeout);

    [LoggerMessage(EventId = 111, Level = LogLevel.Warning, Message = "An authenticated user has no {claim_type} claim; the connection has no user and receives no user-scoped messages")]
    public static partial void UserClaimMissing(ILogger logger, string claim_type);

    [LoggerMessage(EventId = 112, Level = LogLevel.Information, Message = "Shutting down: closing {connections} connection(s) with 1001")]
    public static partial void ShutdownStarted(ILogger logger, int connections);

    [LoggerMessage(EventId = 113, Level = LogLevel.Warning, Message = "{connections} connection(s) did not close within {timeout}; aborting them")]
    public static partial void ShutdownAborted(ILogger logger, int connections, TimeSpan timeout);

    [LoggerMessage(EventId = 114, Level = LogLevel.Information, Message = "LiveTemplate uses the {transport} broadcaster ({detail})")]
    public static partial void TransportChosen(ILogger logger, string transport, string detail);

    [LoggerMessage(EventId = 115, Level = LogLevel.Error, Message = "Connection {connection_id}: {hook} failed")]
    public static partial void LifecycleFailed(ILogger logger, Exception exception, string connection_id, string hook);

    [LoggerMessage(EventId = 116, Level = LogLevel.Warning, Message = "Connection {connection_id}: messages of stream {stream} could not be recovered ({reason}); the browser is told")]
    public static partial void StreamNotRecovered(ILogger logger, string connection_id, string stream, string reason);

    [LoggerMessage(EventId = 117, Level = LogLevel.Debug, Message = "Connection {connection_id}: a topic subscription was refused ({error_code}): {topic}")]
    public static partial void TopicRefused(ILogger logger, string connection_id, string error_code, string topic);

    [LoggerMessage(EventId = 118, Level = LogLevel.Warning, Message = "Connection {connection_id} left a keep-alive ping unanswered for {timeout}: aborted as dead")]
    public static partial void PingUnanswered(ILogger logger, string connection_id, TimeSpan timeout);
}
