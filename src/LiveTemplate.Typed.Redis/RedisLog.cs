using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.Redis;

/// <summary>The Redis broadcaster's log messages (source-generated, structured).</summary>
internal static partial class RedisLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Lost the Redis subscription connection to {endpoint} ({failure_type}); messages from other instances are not received until it is back")]
    public static partial void ConnectionLost(ILogger logger, Exception? exception, string endpoint, string failure_type);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Reconnected successfully: {dynamic_channels} dynamic channel(s) subscribed again ({resubscribed} re-sent by the broadcaster)")]
    public static partial void Reconnected(ILogger logger, int dynamic_channels, int resubscribed);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Restoring subscriptions after a reconnect failed; retrying in {retry_delay}")]
    public static partial void RestoreFailed(ILogger logger, Exception exception, TimeSpan retry_delay);
}
