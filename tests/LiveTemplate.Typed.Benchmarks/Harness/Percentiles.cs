using System.Diagnostics;

namespace LiveTemplate.Typed.Benchmarks.Harness;

/// <summary>Latency percentiles from every recorded sample (sorted; nearest-rank), in microseconds.</summary>
public readonly record struct Percentiles(double P50, double P99, double P999, double Max, int Samples)
{
    /// <summary>Computes the percentiles of <paramref name="ticks"/> (<see cref="Stopwatch"/> ticks).</summary>
    public static Percentiles Of(ReadOnlySpan<long> ticks)
    {
        if (ticks.IsEmpty)
        {
            return default;
        }

        var sorted = ticks.ToArray();
        Array.Sort(sorted);
        return new Percentiles(At(sorted, 0.50), At(sorted, 0.99), At(sorted, 0.999), ToMicroseconds(sorted[^1]), sorted.Length);
    }

    private static double At(long[] sorted, double quantile)
    {
        // Nearest rank: the smallest sample with at least quantile of the samples at or below it.
        var rank = (int)Math.Ceiling(quantile * sorted.Length);
        return ToMicroseconds(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    private static double ToMicroseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
