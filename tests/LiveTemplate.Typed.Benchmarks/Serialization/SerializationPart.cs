using LiveTemplate.Typed.Benchmarks.Actions;
using LiveTemplate.Typed.Benchmarks.Harness;

namespace LiveTemplate.Typed.Benchmarks.Serialization;

/// <summary>Runs <see cref="SerializationBenchmarks{TAction}"/> and reports generated code against STJ source-gen and reflection.</summary>
public static class SerializationPart
{
    private static readonly (string Type, string Shape)[] Shapes =
    [
        ("CartUpdated", "small flat (4 members)"),
        ("CardMoved", "medium (list, nested record)"),
        ("BoardSnapshot", "large (dictionary, 50 items)"),
    ];

    public static void Run(Report report, string artifacts, bool quick)
    {
        report.Heading("Serialization: generated code vs System.Text.Json");
        report.Note($"Start: {MachineLoad.Describe()}.");
        var rows = MicroBenchmarks.Run([typeof(SerializationBenchmarks<CartUpdated>), typeof(SerializationBenchmarks<CardMoved>), typeof(SerializationBenchmarks<BoardSnapshot>)], artifacts, quick);
        report.Note("BenchmarkDotNet 0.15.8 in process, median ns/op and bytes allocated per op. ToBytes: to a new byte[] "
            + "(what a typed publish needs); ToWriter: into a reused Utf8JsonWriter; Read: from UTF-8 bytes to the record.");
        var table = new List<IReadOnlyList<string>>();
        foreach (var (type, shape) in Shapes)
        {
            foreach (var operation in new[] { "ToBytes", "ToWriter", "Read" })
            {
                MicroBenchmarks.Row Find(string variant) => rows.Single(r => r.Type == type && r.Method == $"{operation}_{variant}");
                var generated = Find("Generated");
                var sourceGen = Find("StjSourceGen");
                var reflection = Find("StjReflection");
                table.Add([
                    $"{type}, {shape}", operation,
                    $"{Report.Number(generated.MedianNanoseconds, 1)} ns / {generated.AllocatedBytes} B",
                    $"{Report.Number(sourceGen.MedianNanoseconds, 1)} ns / {sourceGen.AllocatedBytes} B",
                    $"{Report.Number(reflection.MedianNanoseconds, 1)} ns / {reflection.AllocatedBytes} B",
                    Report.Ratio(generated.MedianNanoseconds, sourceGen.MedianNanoseconds),
                    generated.AllocatedBytes <= sourceGen.AllocatedBytes ? $"{generated.AllocatedBytes - sourceGen.AllocatedBytes:+0;-0;0} B" : $"+{generated.AllocatedBytes - sourceGen.AllocatedBytes} B (more)",
                ]);
            }
        }

        report.Table(["Action", "Operation", "Generated (ours)", "STJ source-gen", "STJ reflection", "time generated / STJ-SG", "allocation generated − STJ-SG"], table);
        InterleavedComparison.Run(report, quick);
        report.Note($"End: {MachineLoad.Describe()}.");
    }
}
