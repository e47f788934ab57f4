using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.Redis;

/// <summary>The Redis broadcaster's log messages (source-generated, structured).</summary>
internal static partial class RedisLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Lost the Redis subscription connection to {endpoint} ({failure_type}); messages from other instances are not received until it is back")]
    public static partial void ConnectionLost(ILogger logger, Exception? exception, string endpoint, string failure_type);
}
