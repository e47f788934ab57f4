using System.Diagnostics.Metrics;

namespace LiveTemplate.Typed.Diagnostics;

/// <summary>A connection registry's counters, observed by its meter.</summary>
internal sealed class RegistryMetrics : IDisposable
{
    private static readonly KeyValuePair<string, object?> QueueFullTag = new("reason", "queue_full");
    private readonly Meter _meter;
    private long _delivered;
    private long _dropped;

    public RegistryMetrics(string instanceId, IMeterFactory? factory, Func<int> activeConnections)
    {
        _meter = MeterScope.Create(factory, instanceId);
        _meter.CreateObservableCounter(LiveTemplateMeter.Delivered, () => Delivered, "{message}", "Messages handed to a local connection's outbound queue.");
        _meter.CreateObservableCounter(LiveTemplateMeter.Dropped, () => new Measurement<long>(Dropped, QueueFullTag), "{message}", "Messages dropped, by reason.");
        _meter.CreateObservableUpDownCounter(LiveTemplateMeter.ActiveConnections, activeConnections, "{connection}", "Connections registered on this instance.");
    }

    public long Delivered => Interlocked.Read(ref _delivered);

    public long Dropped => Interlocked.Read(ref _dropped);

    public void AddDelivered() => Interlocked.Increment(ref _delivered);

    public void AddDropped(int count) => Interlocked.Add(ref _dropped, count);

    public void Dispose() => _meter.Dispose();
}
