using System.Diagnostics;

namespace LiveTemplate.Typed.Benchmarks.Harness;

/// <summary>
/// Where every peer's test connections report a delivery: counts them, records latencies when asked to, and lets
/// the publisher wait until deliveries have caught up (closed-loop throughput without unbounded queues).
/// </summary>
public sealed class DeliverySink
{
    private long[] _latencies = [];
    private long _delivered;
    private long _waitTarget = long.MaxValue;
    private TaskCompletionSource? _waiter;

    /// <summary>Deliveries so far.</summary>
    public long Delivered => Volatile.Read(ref _delivered);

    /// <summary>Starts counting from zero; records up to <paramref name="latencyCapacity"/> latencies (0: none).</summary>
    public void Reset(int latencyCapacity)
    {
        _latencies = latencyCapacity > 0 ? new long[latencyCapacity] : [];
        Volatile.Write(ref _delivered, 0);
        Volatile.Write(ref _waitTarget, long.MaxValue);
    }

    /// <summary>Records one delivery of a message sent at <paramref name="sentAt"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void Record(long sentAt)
    {
        var now = Stopwatch.GetTimestamp();
        var n = Interlocked.Increment(ref _delivered);
        var latencies = _latencies;
        if (n <= latencies.Length)
        {
            latencies[n - 1] = now - sentAt;
        }

        if (n >= Volatile.Read(ref _waitTarget))
        {
            Volatile.Write(ref _waitTarget, long.MaxValue);
            Volatile.Read(ref _waiter)?.TrySetResult();
        }
    }

    /// <summary>Completes once <see cref="Delivered"/> reaches <paramref name="target"/>.</summary>
    public Task WaitForAsync(long target)
    {
        if (Delivered >= target)
        {
            return Task.CompletedTask;
        }

        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _waiter, waiter);
        Volatile.Write(ref _waitTarget, target);
        if (Delivered >= target)
        {
            waiter.TrySetResult();
        }

        return waiter.Task;
    }

    /// <summary>The recorded latencies, in <see cref="Stopwatch"/> ticks.</summary>
    public ReadOnlySpan<long> Latencies => _latencies.AsSpan(0, (int)Math.Min(Delivered, _latencies.Length));
}
