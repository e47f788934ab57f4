using LiveTemplate.Typed.Hosting;
using LiveTemplate.Typed.PubSub;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiveTemplate.Typed.AspNetCore.Hosting;

/// <summary>
/// Readiness: unhealthy while the broadcaster's transport is away (Redis unreachable, or its subscriptions not yet
/// confirmed since a drop), and while the app is shutting down; the in-memory broadcaster is always ready.
/// </summary>
internal sealed class LiveTemplateHealthCheck(LiveTemplateRuntime runtime, IBroadcasterFactory factory) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["transport"] = factory.Transport,
            ["connections"] = runtime.ConnectionCount,
        };

        var result = !runtime.IsAccepting
            ? new HealthCheckResult(context.Registration.FailureStatus, "Shutting down: not accepting connections.", data: data)
            : runtime.Broadcaster is ChannelBroadcaster { IsConnected: false }
                ? new HealthCheckResult(context.Registration.FailureStatus, $"The {factory.Transport} transport is unreachable or the subscriptions are not confirmed yet; messages from other instances may be missed.", data: data)
                : HealthCheckResult.Healthy($"The {factory.Transport} broadcaster is connected and subscribed.", data);
        return Task.FromResult(result);
    }
}
