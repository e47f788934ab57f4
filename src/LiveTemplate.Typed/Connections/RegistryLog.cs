using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.Connections;

/// <summary>The registry's log messages (source-generated, structured).</summary>
internal static partial class RegistryLog
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Connection {connection_id}: its channels were not confirmed within {timeout}; it receives local messages now and remote ones once the transport confirms")]
    public static partial void SubscribeSlow(ILogger logger, string connection_id, TimeSpan timeout);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Connection {connection_id} is not keeping up: its outbound queue ({capacity} messages) is full and messages are being dropped")]
    public static partial void FirstDrop(ILogger logger, string connection_id, int capacity);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "The global channel was not confirmed within {timeout}; starting anyway, it is confirmed once the transport is back")]
    public static partial void GlobalSubscribeSlow(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 23, Level = LogLevel.Error, Message = "Connection {connection_id}: the broadcaster failed its subscription to {topic} after the subscribe stopped waiting; the connection does not hold it (subscribe again)")]
    public static partial void SubscribeFailedLate(ILogger logger, Exception exception, string connection_id, string topic);
}
