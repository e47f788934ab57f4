using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.Presence;

/// <summary>The presence tracker's log messages (source-generated, structured fields in snake_case; event ids 3001–3099).</summary>
internal static partial class PresenceLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "A presence handler of {scope} threw on a {kind} event; the other handlers still run")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string scope, string kind);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Presence heartbeat failed ({reason}); retrying in {retry_delay}")]
    public static partial void HeartbeatFailed(ILogger logger, string reason, TimeSpan retry_delay);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Presence liveness was lost (store restarted or instance paused past the timeout): re-asserting {connections} connections as {owner}")]
    public static partial void Reasserting(ILogger logger, int connections, string owner);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Presence: instance {owner} stopped answering; its members were removed from {scopes} scopes")]
    public static partial void Evicted(ILogger logger, string owner, int scopes);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Presence: could not untrack {connection_id} on disposal ({reason}); its instance's liveness will expire")]
    public static partial void UntrackFailed(ILogger logger, string connection_id, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Presence: the store lost scope {scope}'s copy of this instance's connections while its liveness survived (a cluster node restarted without its data?): re-asserting {connections} connections as {owner}")]
    public static partial void ScopeLost(ILogger logger, string scope, int connections, string owner);
}
