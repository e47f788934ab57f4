using LiveTemplate.Typed.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TeamBoard;

/// <summary>
/// Traces (source <c>LiveTemplate.Typed</c>: a move on one instance, the Redis hop, the delivery on the other, in one
/// trace) and metrics (meter <c>LiveTemplate.Typed</c>) over OTLP, when <c>OpenTelemetry:Otlp:Endpoint</c> is set
/// (for example <c>--OpenTelemetry:Otlp:Endpoint=http://127.0.0.1:4317</c>); off otherwise.
/// </summary>
public static class Observability
{
    /// <summary>The configuration key of the collector's address.</summary>
    public const string EndpointKey = "OpenTelemetry:Otlp:Endpoint";

    /// <summary>Exports the board's traces and metrics to the configured collector; does nothing when none is configured.</summary>
    public static void AddIfConfigured(WebApplicationBuilder builder)
    {
        if (builder.Configuration[EndpointKey] is not { Length: > 0 } endpoint)
        {
            return;
        }

        var collector = new Uri(endpoint);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("TeamBoard", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(tracing => tracing.AddSource(LiveTemplateTracing.SourceName).AddOtlpExporter(o => o.Endpoint = collector))
            .WithMetrics(metrics => metrics.AddMeter(LiveTemplateMeter.Name).AddOtlpExporter(o => o.Endpoint = collector));
    }
}
