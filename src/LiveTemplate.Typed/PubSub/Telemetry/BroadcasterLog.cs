using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.PubSub.Telemetry;

/// <summary>The broadcaster's log messages (source-generated, structured).</summary>
internal static partial class BroadcasterLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Dropped a message on channel {channel}: {reason}. {detail}")]
    public static partial void MessageDropped(ILogger logger, string channel, string reason, string detail);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "A subscriber's handler failed for a message on channel {channel}; the next message will be delivered")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string channel);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Could not (un)subscribe {failed} channel(s); retrying in {retry_delay}")]
    public static partial void SubscriptionRetry(ILogger logger, Exception exception, int failed, TimeSpan retry_delay);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Subscribed {subscribed} and unsubscribed {unsubscribed} channel(s)")]
    public static partial void SubscriptionsChanged(ILogger logger, int subscribed, int unsubscribed);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Reconnected successfully: {dynamic_channels} dynamic channel(s) subscribed again ({resubscribed} re-sent by the broadcaster, {released} released during the outage unsubscribed again)")]
    public static partial void Reconnected(ILogger logger, int dynamic_channels, int resubscribed, int released);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Restoring the subscriptions after the transport came back failed; retrying in {retry_delay}")]
    public static partial void RestoreFailed(ILogger logger, Exception exception, TimeSpan retry_delay);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Could not recover messages of channel {channel}: {reason} (last known position {last_known}, complete again after {resumed_after})")]
    public static partial void NotRecovered(ILogger logger, string channel, string reason, string last_known, string resumed_after);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Recovered {recovered} message(s) on {channels} channel(s) after the reconnect in {elapsed_ms} ms")]
    public static partial void CaughtUp(ILogger logger, long recovered, int channels, long elapsed_ms);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Reading the history of {failed} channel(s) after the reconnect failed; retrying in {retry_delay}")]
    public static partial void CatchUpRetry(ILogger logger, Exception exception, int failed, TimeSpan retry_delay);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Connected for the first time (the transport was away at start-up): {dynamic_channels} dynamic channel(s) subscribed")]
    public static partial void FirstConnected(ILogger logger, int dynamic_channels);
}
