using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Benchmarks.Actions;
using LiveTemplate.Typed.Benchmarks.Harness;

namespace LiveTemplate.Typed.Benchmarks.Serialization;

/// <summary>
/// The current generator's code against the code of commit 921ed05 (Baseline/) and the System.Text.Json source
/// generator, on the same values, in short interleaved rounds: on a shared machine whose load moves between
/// BenchmarkDotNet's benchmarks, the median of each round's ratio still compares the three at the same moments.
/// </summary>
public static class InterleavedComparison
{
    private const double RoundMilliseconds = 15;

    public static void Run(Report report, bool quick)
    {
        var rounds = quick ? 9 : 25;
        var rows = new List<IReadOnlyList<string>>();
        foreach (var shape in Shapes())
        {
            foreach (var (operation, current, baseline, stj) in shape)
            {
                var (nanoseconds, bytes, ratios) = Interleave([current, baseline, stj], rounds);
                rows.Add([
                    operation,
                    .. nanoseconds.Select((ns, i) => $"{Report.Number(ns, 1)} ns / {bytes[i]:N0} B"),
                    Times(ratios[0, 1]),
                    Times(ratios[0, 2]),
                    Times(ratios[1, 2]),
                ]);
            }
        }

        report.Note($"Interleaved in this process: {rounds} rounds of about {RoundMilliseconds} ms per variant, in turn; median ns/op and the median of each round's ratio. "
            + "\"921ed05\" is the code the generator wrote before this change (kept in Serialization/Baseline), on the same values.");
        report.Table(["Operation", "Generated now", "Generated at 921ed05", "STJ source-gen", "now / 921ed05", "now / STJ-SG", "921ed05 / STJ-SG"], rows);
    }

    private static IEnumerable<(string, Variant, Variant, Variant)[]> Shapes()
    {
        yield return Of("CartUpdated", ShapeSamples.Small, Baseline.BaselineSamples.Small);
        yield return Of("CardMoved", ShapeSamples.Medium, Baseline.BaselineSamples.Medium);
        yield return Of("BoardSnapshot", ShapeSamples.Large, Baseline.BaselineSamples.Large);
    }

    private static (string, Variant, Variant, Variant)[] Of<TCurrent, TBaseline>(string name, TCurrent current, TBaseline baseline)
        where TCurrent : class, IAction<TCurrent>
        where TBaseline : class, IAction<TBaseline>
    {
        var info = (JsonTypeInfo<TCurrent>)ShapesJsonContext.Default.GetTypeInfo(typeof(TCurrent))!;
        var json = ActionJson.SerializeToUtf8Bytes(current);
        if (!json.AsSpan().SequenceEqual(ActionJson.SerializeToUtf8Bytes(baseline)) || !json.AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(current, info)))
        {
            throw new InvalidOperationException($"{name}: the three write different JSON, so comparing them means nothing.");
        }

        return
        [
            ($"{name} ToBytes", Variant.Of(new ToBytes<TCurrent>(current)), Variant.Of(new ToBytes<TBaseline>(baseline)), Variant.Of(new StjToBytes<TCurrent>(current, info))),
            ($"{name} Read", Variant.Of(new Read<TCurrent>(json)), Variant.Of(new Read<TBaseline>(json)), Variant.Of(new StjRead<TCurrent>(json, info))),
        ];
    }

    private static (double[] Nanoseconds, long[] Bytes, double[,] Ratios) Interleave(Variant[] variants, int rounds)
    {
        foreach (var variant in variants)
        {
            variant.Calibrate(RoundMilliseconds);
        }

        var times = variants.Select(_ => new List<double>()).ToArray();
        var bytes = new long[variants.Length];
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < variants.Length; i++)
            {
                // A different variant first in each round, so none is always measured right after another.
                var v = (i + round) % variants.Length;
                var (nanoseconds, allocated) = variants[v].Measure();
                times[v].Add(nanoseconds);
                bytes[v] = allocated;
            }
        }

        var ratios = new double[variants.Length, variants.Length];
        for (var a = 0; a < variants.Length; a++)
        {
            for (var b = 0; b < variants.Length; b++)
            {
                ratios[a, b] = Median(times[a].Zip(times[b], (x, y) => x / y).ToList());
            }
        }

        return (times.Select(Median).ToArray(), bytes, ratios);
    }

    private static string Times(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>One operation, run in a loop specialised for it (no delegate per call): its cost per call and what each call allocates.</summary>
    private sealed class Variant(Func<int, (double Nanoseconds, long Bytes)> measure)
    {
        private int _iterations = 1;

        public static Variant Of<TOperation>(TOperation operation)
            where TOperation : struct, IOperation
            => new(iterations => Loop(operation, iterations));

        public void Calibrate(double milliseconds)
        {
            measure(1_000);
            var (nanoseconds, _) = measure(1_000);
            _iterations = Math.Max(1, (int)(milliseconds * 1e6 / Math.Max(1, nanoseconds)));
        }

        public (double Nanoseconds, long Bytes) Measure() => measure(_iterations);

        private static (double, long) Loop<TOperation>(TOperation operation, int iterations)
            where TOperation : struct, IOperation
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                operation.Run();
            }

            var elapsed = clock.Elapsed;
            return (elapsed.TotalNanoseconds / iterations, (GC.GetAllocatedBytesForCurrentThread() - before) / iterations);
        }
    }

    private interface IOperation
    {
        void Run();
    }

    private readonly struct ToBytes<T>(T value) : IOperation
        where T : IAction<T>
    {
        public void Run() => Sink.Keep(ActionJson.SerializeToUtf8Bytes(value));
    }

    private readonly struct Read<T>(byte[] json) : IOperation
        where T : class, IAction<T>
    {
        public void Run()
        {
            ActionJson.TryRead<T>(json, out var value, out _);
            Sink.Keep(value);
        }
    }

    private readonly struct StjToBytes<T>(T value, JsonTypeInfo<T> info) : IOperation
    {
        public void Run() => Sink.Keep(JsonSerializer.SerializeToUtf8Bytes(value, info));
    }

    private readonly struct StjRead<T>(byte[] json, JsonTypeInfo<T> info) : IOperation
    {
        public void Run() => Sink.Keep(JsonSerializer.Deserialize(json, info));
    }

    /// <summary>Where results go, so the JIT cannot drop the work that made them.</summary>
    private static class Sink
    {
        private static object? s_last;

        public static void Keep(object? value) => Volatile.Write(ref s_last, value);
    }
}
