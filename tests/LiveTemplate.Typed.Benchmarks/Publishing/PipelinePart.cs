using LiveTemplate.Typed.Benchmarks.Harness;

namespace LiveTemplate.Typed.Benchmarks.Publishing;

/// <summary>Runs <see cref="PipelineBenchmarks"/>: the cost of each hot path of the SDK, without Redis.</summary>
public static class PipelinePart
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["Publish_Typed"] = "typed publish (BroadcastAsync): action JSON, envelope, checks",
        ["Publish_Typed_LocalConnection"] = "typed publish to a group with one local connection: encode, local delivery into its queue",
        ["Publish_PreSerialized"] = "publish of pre-serialized data (PublishGroupActionAsync)",
        ["Serialize_Action"] = "action JSON to a new byte[] (the payload buffer)",
        ["Envelope_Write"] = "envelope to a new byte[]",
        ["Envelope_Read"] = "envelope decoded",
        ["Receive_OneConnection"] = "receive: decode, checks, fan-out into one connection's queue",
        ["Dispatch_Typed"] = "consumer: generated dispatch, typed decode, handler",
        ["Publish_Typed [Listening=False]"] = "typed publish, no listener on the LiveTemplate.Typed activity source (the default)",
        ["Publish_Typed [Listening=True]"] = "typed publish, every span recorded (publish span, traceparent in the envelope)",
    };

    public static void Run(Report report, string artifacts, bool quick)
    {
        report.Heading("Hot paths of the SDK, without Redis");
        report.Note($"Start: {MachineLoad.Describe()}.");
        var rows = MicroBenchmarks.Run([typeof(PipelineBenchmarks), typeof(TracingBenchmarks)], artifacts, quick);
        report.Note("A 100-byte typed group action; BenchmarkDotNet in process, median ns/op and bytes allocated per op. The transport does nothing.");
        report.Table(
            ["Path", "Benchmark", "ns/op", "B/op"],
            rows.Select(r => (IReadOnlyList<string>)[Descriptions.GetValueOrDefault(r.Method, r.Method), r.Method, Report.Number(r.MedianNanoseconds, 1), Report.Number(r.AllocatedBytes)]));
        report.Note($"End: {MachineLoad.Describe()}.");
    }
}
