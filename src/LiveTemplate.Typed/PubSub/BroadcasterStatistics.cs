namespace LiveTemplate.Typed.PubSub;

/// <summary>A snapshot of a broadcaster's counters (the same numbers its meter reports).</summary>
/// <param name="Published">Messages published by this instance.</param>
/// <param name="Received">Valid messages received from other instances.</param>
/// <param name="Dropped">Messages dropped, by reason.</param>
/// <param name="Reconnects">Times the subscriptions were restored after the transport came back.</param>
/// <param name="ActiveSubscriptions">Channels currently subscribed (global included).</param>
public sealed record BroadcasterStatistics(long Published, long Received, IReadOnlyDictionary<DropReason, long> Dropped, long Reconnects, int ActiveSubscriptions)
{
    /// <summary>Messages dropped for <paramref name="reason"/>.</summary>
    public long DroppedFor(DropReason reason) => Dropped.TryGetValue(reason, out var count) ? count : 0;
}
