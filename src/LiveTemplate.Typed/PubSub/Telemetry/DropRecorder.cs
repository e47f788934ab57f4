using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.PubSub.Telemetry;

/// <summary>Where every dropped message is counted (by <see cref="DropReason"/>) and logged with its channel, once.</summary>
internal sealed class DropRecorder(DropCounters counters, ILogger logger)
{
    /// <summary>Logs and counts a message dropped on <paramref name="channel"/> (logged first: whoever sees the count can find the log).</summary>
    public void Drop(string channel, DropReason reason, string detail)
    {
        BroadcasterLog.MessageDropped(logger, channel, DropCounters.TagOf(reason), detail);
        counters.Increment(reason);
    }

    /// <summary>Counts and logs a subscriber's handler that threw on a message of <paramref name="channel"/>.</summary>
    public void HandlerFailed(string channel, Exception exception)
    {
        BroadcasterLog.HandlerFailed(logger, exception, channel);
        counters.Increment(DropReason.HandlerError);
    }

    /// <summary>Counts drops that were logged elsewhere (a connection's full queue: the registry logs the first).</summary>
    public void Count(DropReason reason, int count) => counters.Add(reason, count);
}
