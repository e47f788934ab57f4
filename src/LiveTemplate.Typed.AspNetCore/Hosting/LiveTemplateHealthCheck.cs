using LiveTemplate.Typed.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiveTemplate.Typed.AspNetCore.Hosting;

/// <summary>
/// Readiness: unhealthy while the Redis broadcaster cannot reach Redis (or has not yet confirmed its subscriptions
/// since a drop), and while the app is shutting down; the in-memory broadcaster is always ready.
/// </summary>
internal sealed class LiveTemplateHealthCheck(LiveTemplateRuntime runtime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var redis = runtime.Broadcaster as RedisBroadcaster;
        var data = new Dictionary<string, object>
        {
            ["transport"] = redis is null ? "in-memory" : "redis",
            ["connections"] = runtime.ConnectionCount,
        };

        var result = !runtime.IsAccepting
            ? new HealthCheckResult(context.Registration.FailureStatus, "Shutting down: not accepting connections.", data: data)
            : redis is { IsConnected: false }
                ? new HealthCheckResult(context.Registration.FailureStatus, "Redis is unreachable or the subscriptions are not confirmed yet; messages from other instances may be missed.", data: data)
                : HealthCheckResult.Healthy(redis is null ? "In-memory broadcaster (one instance)." : "Redis connected and subscribed.", data);
        return Task.FromResult(result);
    }
}
