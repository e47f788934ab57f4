using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.Redis;

/// <summary>The Redis broadcaster's log messages (source-generated, structured).</summary>
internal static partial class RedisLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Lost the Redis subscription connection to {endpoint} ({failure_type}); messages from other instances are not received until it is back")]
    public static partial void ConnectionLost(ILogger logger, Exception? exception, string endpoint, string failure_type);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "The multiplexer stopped delivering channel {channel} to this broadcaster (another of its users unsubscribed it); subscribing it again")]
    public static partial void QueueClosedByAnother(ILogger logger, string channel);
}
