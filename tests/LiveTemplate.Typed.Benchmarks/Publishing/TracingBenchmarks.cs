using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using LiveTemplate.Typed.Benchmarks.Actions;
using LiveTemplate.Typed.Diagnostics;

namespace LiveTemplate.Typed.Benchmarks.Publishing;

/// <summary>
/// What tracing costs a typed publish: with no listener on the <c>LiveTemplate.Typed</c> source (the default) and with a
/// listener that records every span (as an OpenTelemetry tracer with <c>AddSource</c> does).
/// </summary>
public class TracingBenchmarks
{
    private static readonly GroupId Group = new("bench-group");
    private NullTransportBroadcaster _publisher = default!;
    private GroupPing _ping = default!;
    private ActivityListener? _listener;

    /// <summary>Whether a listener samples every span of the source.</summary>
    [Params(false, true)]
    public bool Listening { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _publisher = new NullTransportBroadcaster();
        var sentAt = Stopwatch.GetTimestamp();
        _ping = new GroupPing(sentAt, 123456, PingPayload.Body(sentAt, 123456));
        if (Listening)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == LiveTemplateTracing.SourceName,
                Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(_listener);
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _listener?.Dispose();
        await _publisher.DisposeAsync();
    }

    /// <summary>BroadcastAsync of a typed group action, traced or not.</summary>
    [Benchmark]
    public Task Publish_Typed() => _publisher.BroadcastAsync(Group, _ping);
}
