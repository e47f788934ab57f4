using System.Diagnostics.Metrics;
using LiveTemplate.Typed.Diagnostics;

namespace LiveTemplate.Typed.PubSub.Telemetry;

/// <summary>A broadcaster's counters, readable as a snapshot and observed by its meter.</summary>
internal sealed class BroadcasterMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly Func<int> _activeSubscriptions;
    private long _published;
    private long _received;
    private long _reconnects;
    private long _recovered;
    private readonly long[] _notRecovered = new long[Enum.GetValues<NotRecoveredReason>().Length];
    private readonly Histogram<double> _lag;

    public BroadcasterMetrics(string instanceId, IMeterFactory? factory, Func<int> activeSubscriptions)
    {
        _activeSubscriptions = activeSubscriptions;
        _meter = MeterScope.Create(factory, instanceId);
        _meter.CreateObservableCounter(LiveTemplateMeter.Published, () => Volatile.Read(ref _published), "{message}", "Messages published by this instance.");
        _meter.CreateObservableCounter(LiveTemplateMeter.Received, () => Volatile.Read(ref _received), "{message}", "Valid messages received from other instances.");
        _meter.CreateObservableCounter(LiveTemplateMeter.Dropped, Dropped.Observe, "{message}", "Messages dropped, by reason.");
        _meter.CreateObservableCounter(LiveTemplateMeter.Reconnects, () => Volatile.Read(ref _reconnects), "{reconnect}", "Times the subscriptions were restored after the transport came back.");
        _meter.CreateObservableCounter(LiveTemplateMeter.Recovered, () => Volatile.Read(ref _recovered), "{message}", "Messages a receiver had missed, delivered from a channel's history.");
        _meter.CreateObservableCounter(LiveTemplateMeter.NotRecovered, ObserveNotRecovered, "{loss}", "Losses of a channel's messages that its history could not repair, by reason.");
        _meter.CreateObservableUpDownCounter(LiveTemplateMeter.ActiveSubscriptions, _activeSubscriptions, "{channel}", "Channels held now (at least one reference), counted while the transport is away too.");
        _lag = _meter.CreateHistogram<double>(LiveTemplateMeter.DeliveryLag, "ms", "From a message's publish timestamp (the publisher's clock) to its delivery to this instance's handlers.");
    }

    public DropCounters Dropped { get; } = new();

    public void Published() => Interlocked.Increment(ref _published);

    public void Received() => Interlocked.Increment(ref _received);

    public void Reconnected() => Interlocked.Increment(ref _reconnects);

    public void Recovered() => Interlocked.Increment(ref _recovered);

    public void NotRecovered(NotRecoveredReason reason) => Interlocked.Increment(ref _notRecovered[(int)reason]);

    private IEnumerable<Measurement<long>> ObserveNotRecovered()
    {
        for (var i = 0; i < _notRecovered.Length; i++)
        {
            if (Volatile.Read(ref _notRecovered[i]) is var count and > 0)
            {
                yield return new Measurement<long>(count, new KeyValuePair<string, object?>("reason", TagOf((NotRecoveredReason)i)));
            }
        }
    }

    public static string TagOf(NotRecoveredReason reason) => reason switch
    {
        NotRecoveredReason.Trimmed => "trimmed",
        NotRecoveredReason.EpochChanged => "epoch_changed",
        NotRecoveredReason.StreamMissing => "stream_missing",
        NotRecoveredReason.Rewound => "rewound",
        _ => "unavailable",
    };

    /// <summary>
    /// Records how long <paramref name="message"/> took from its publisher to this instance (when anyone listens): the
    /// clock is read only then (a clock read is a few percent of the whole receive path). A message without a publish
    /// time (no <c>timestamp</c>, or Go's zero time) has no lag: recorded, it would be one of two thousand years, and a
    /// single one would ruin the histogram's sum and mean.
    /// </summary>
    public void Delivered(PubSubMessage message, TimeProvider time)
    {
        if (_lag.Enabled && message.Timestamp != default)
        {
            _lag.Record((time.GetUtcNow() - message.Timestamp).TotalMilliseconds, new KeyValuePair<string, object?>(LiveTemplateMeter.KindTag, BroadcasterTracing.KindOf(message)));
        }
    }

    public BroadcasterStatistics Snapshot() => new(
        Volatile.Read(ref _published),
        Volatile.Read(ref _received),
        Dropped.Snapshot(),
        Volatile.Read(ref _reconnects),
        _activeSubscriptions(),
        Volatile.Read(ref _recovered),
        Enumerable.Range(0, _notRecovered.Length).Sum(i => Volatile.Read(ref _notRecovered[i])));

    public void Dispose() => _meter.Dispose();
}
