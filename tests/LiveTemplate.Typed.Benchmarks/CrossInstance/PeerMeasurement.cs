using System.Diagnostics;
using LiveTemplate.Typed.Benchmarks.Harness;

namespace LiveTemplate.Typed.Benchmarks.CrossInstance;

/// <summary>
/// How a peer (<see cref="ICrossInstancePeer"/>) is measured, in one place for every part that compares peers:
/// closed-loop throughput with a bounded window, latency at a fixed rate, and allocations of publishing alone.
/// </summary>
public sealed class PeerMeasurement(RunSettings settings)
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);

    // Publish tasks still to be checked: a ring, since far more messages are published per run than are in flight.
    private readonly Task[] _pending = new Task[4096];

    /// <summary>Fixed rates of the latency runs, in messages/s (×targets deliveries/s), well below every peer's saturation here.</summary>
    public static int LatencyRate(int targets) => targets == 1 ? 2_000 : 100;

    /// <summary>Closed-loop throughput for <paramref name="seconds"/>: messages/s, and bytes allocated in the process per message.</summary>
    public async Task<(double PerSecond, double BytesPerMessage)> ThroughputAsync(ICrossInstancePeer peer, DeliverySink sink, double seconds, int targets)
    {
        sink.Reset(0);
        var window = settings.Window;
        var duration = Stopwatch.Frequency * seconds;
        Settle();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var start = Stopwatch.GetTimestamp();
        long count = 0;
        while (Stopwatch.GetTimestamp() - start < duration)
        {
            // A batch between clock reads; too much in flight: wait until half the window has drained.
            for (var n = 0; n < 64; n++, count++)
            {
                var needed = (count - window) * targets;
                if (needed > 0 && sink.Delivered < needed)
                {
                    await sink.WaitForAsync(needed + (window / 2L * targets));
                }

                await Track(count, peer.PublishAsync(count));
            }
        }

        await WaitForDeliveriesAsync(peer, sink, count * targets);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        await DrainAsync();
        return (count / elapsed.TotalSeconds, (double)allocated / count);
    }

    private static async Task WaitForDeliveriesAsync(ICrossInstancePeer peer, DeliverySink sink, long expected)
    {
        try
        {
            await sink.WaitForAsync(expected).WaitAsync(DeliveryTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{peer.Name}: {sink.Delivered:N0} of {expected:N0} deliveries arrived within {DeliveryTimeout.TotalSeconds} s.");
        }
    }

    /// <summary>Keeps a publish task to check later; first checks the one it replaces in the ring (long done by then).</summary>
    private async ValueTask Track(long index, Task publish)
    {
        var slot = (int)(index % _pending.Length);
        if (_pending[slot] is { } earlier)
        {
            await earlier;
        }

        _pending[slot] = publish;
    }

    private async Task DrainAsync()
    {
        foreach (var task in _pending)
        {
            if (task is not null)
            {
                await task;
            }
        }

        Array.Clear(_pending);
    }

    /// <summary>Latency of every delivery at the fixed <see cref="LatencyRate"/>, and the rate achieved.</summary>
    public async Task<(Percentiles Latency, double AchievedRate)> LatencyAsync(ICrossInstancePeer peer, DeliverySink sink, int targets)
    {
        var rate = LatencyRate(targets);
        var count = (int)(rate * settings.LatencySeconds);
        sink.Reset(count * targets);
        Settle();
        var start = Stopwatch.GetTimestamp();
        var sent = 0;
        while (sent < count)
        {
            var due = Math.Min(count, (int)(Stopwatch.GetElapsedTime(start).TotalSeconds * rate) + 1);
            while (sent < due)
            {
                await Track(sent, peer.PublishAsync(sent));
                sent++;
            }

            await Task.Delay(1);
        }

        await WaitForDeliveriesAsync(peer, sink, (long)count * targets);
        var elapsed = Stopwatch.GetElapsedTime(start);
        await DrainAsync();
        return (Percentiles.Of(sink.Latencies), count / elapsed.TotalSeconds);
    }

    /// <summary>Bytes allocated per message when publishing <paramref name="count"/> messages to a scope nobody subscribes.</summary>
    public async Task<double> PublishOnlyAsync(ICrossInstancePeer peer, int count)
    {
        var inFlight = new Task[256];
        Settle();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < count; i++)
        {
            var slot = i % inFlight.Length;
            if (inFlight[slot] is { } earlier)
            {
                await earlier;
            }

            inFlight[slot] = peer.PublishToNobodyAsync(i);
        }

        await Task.WhenAll(inFlight.Where(t => t is not null));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return (double)allocated / count;
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
