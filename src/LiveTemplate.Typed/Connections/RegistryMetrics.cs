using System.Diagnostics.Metrics;
using LiveTemplate.Typed.Diagnostics;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.PubSub.Telemetry;

namespace LiveTemplate.Typed.Connections;

/// <summary>A connection registry's counters, observed by its meter.</summary>
internal sealed class RegistryMetrics : IDisposable
{
    private static readonly KeyValuePair<string, object?> QueueFullTag = new("reason", DropCounters.TagOf(DropReason.QueueFull));
    private readonly Meter _meter;
    private long _delivered;
    private long _dropped;

    /// <param name="instanceId">The instance the registry belongs to (the meter's tag).</param>
    /// <param name="factory">Creates the meter; null for a meter of its own.</param>
    /// <param name="activeConnections">Reads how many connections are registered.</param>
    /// <param name="reportsDrops">
    /// True when the registry reports its queue-full drops itself; false when its broadcaster counts them with its
    /// other drops (so they are reported once).
    /// </param>
    public RegistryMetrics(string instanceId, IMeterFactory? factory, Func<int> activeConnections, bool reportsDrops)
    {
        _meter = MeterScope.Create(factory, instanceId);
        _meter.CreateObservableCounter(LiveTemplateMeter.Delivered, () => Delivered, "{message}", "Messages handed to a local connection's outbound queue.");
        if (reportsDrops)
        {
            _meter.CreateObservableCounter(LiveTemplateMeter.Dropped, () => new Measurement<long>(Dropped, QueueFullTag), "{message}", "Messages dropped, by reason.");
        }

        _meter.CreateObservableUpDownCounter(LiveTemplateMeter.ActiveConnections, activeConnections, "{connection}", "Connections registered on this instance.");
    }

    public long Delivered => Interlocked.Read(ref _delivered);

    public long Dropped => Interlocked.Read(ref _dropped);

    public void AddDelivered() => Interlocked.Increment(ref _delivered);

    public void AddDropped(int count) => Interlocked.Add(ref _dropped, count);

    public void Dispose() => _meter.Dispose();
}
