namespace LiveTemplate.Typed.PubSub;

/// <summary>A snapshot of a broadcaster's counters (the same numbers its meter reports).</summary>
public sealed class BroadcasterStatistics
{
    internal BroadcasterStatistics(long published, long received, IReadOnlyDictionary<DropReason, long> dropped, long reconnects, int activeSubscriptions, long recovered, long notRecovered)
    {
        Recovered = recovered;
        NotRecovered = notRecovered;
        Published = published;
        Received = received;
        Dropped = dropped;
        Reconnects = reconnects;
        ActiveSubscriptions = activeSubscriptions;
    }

    /// <summary>Messages published by this instance.</summary>
    public long Published { get; }

    /// <summary>Valid messages received from other instances.</summary>
    public long Received { get; }

    /// <summary>Messages dropped, by reason (reasons with none are absent).</summary>
    public IReadOnlyDictionary<DropReason, long> Dropped { get; }

    /// <summary>Times the subscriptions were restored after the transport came back.</summary>
    public long Reconnects { get; }

    /// <summary>Messages this instance had missed and delivered from a channel's history.</summary>
    public long Recovered { get; }

    /// <summary>
    /// Losses of a channel's messages that its history could not repair: this instance's own (each also a
    /// <see cref="NotRecoveredMessage"/>) and those of readers resuming through <see cref="IStreamHistory.ReadStreamAsync"/>.
    /// </summary>
    public long NotRecovered { get; }

    /// <summary>Channels held now: those with at least one reference (global included), counted while the transport is away too.</summary>
    public int ActiveSubscriptions { get; }

    /// <summary>Messages dropped for <paramref name="reason"/>.</summary>
    public long DroppedFor(DropReason reason) => Dropped.TryGetValue(reason, out var count) ? count : 0;

    /// <inheritdoc />
    public override string ToString()
        => $"published {Published}, received {Received}, dropped {Dropped.Values.Sum()}, reconnects {Reconnects}, recovered {Recovered}, not recovered {NotRecovered}, active subscriptions {ActiveSubscriptions}";
}
