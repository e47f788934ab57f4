using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.Presence;

/// <summary>The presence tracker's log messages.</summary>
internal static partial class PresenceLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "A presence handler of {Scope} threw on a {Kind} event; the other handlers still run")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string scope, string kind);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Presence heartbeat failed ({Reason}); retrying in {Interval}")]
    public static partial void HeartbeatFailed(ILogger logger, string reason, TimeSpan interval);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Presence liveness was lost (store restarted or instance paused past the timeout): re-asserting {Connections} connections as {Owner}")]
    public static partial void Reasserting(ILogger logger, int connections, string owner);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Presence: instance {Owner} stopped answering; its members were removed from {Scopes} scopes")]
    public static partial void Evicted(ILogger logger, string owner, int scopes);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Presence: could not untrack {ConnectionId} on disposal ({Reason}); its instance's liveness will expire")]
    public static partial void UntrackFailed(ILogger logger, string connectionId, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Presence: the store lost scope {Scope}'s copy of this instance's connections while its liveness survived (a cluster node restarted without its data?): re-asserting {Connections} connections as {Owner}")]
    public static partial void ScopeLost(ILogger logger, string scope, int connections, string owner);
}
