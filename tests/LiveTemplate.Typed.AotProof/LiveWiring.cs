using LiveTemplate.Typed.AotProof.Actions;
using LiveTemplate.Typed.AspNetCore;
using LiveTemplate.Typed.Redis;

namespace LiveTemplate.Typed.AotProof;

/// <summary>Every use of LiveTemplate.Typed's host API in the app, in one place (the API is being reshaped).</summary>
public static class LiveWiring
{
    /// <summary>Registers the SDK over the Redis at <paramref name="redis"/>.</summary>
    public static void AddLive(IServiceCollection services, string redis) => services.AddLiveTemplate().AddRedis(redis);

    /// <summary>Maps the live endpoint (group from the route, user from <c>?user=</c>) and the readiness probe.</summary>
    public static void MapLive(WebApplication app)
    {
        app.MapLiveTemplate<ProofHandler>("/live/{group}", endpoint =>
        {
            endpoint.ResolveGroup = http => "proof:" + (string?)http.Request.RouteValues["group"];
            endpoint.AllowFromBrowser<Ping>().AllowFromBrowser<Notify>();
        });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(LiveTemplateServiceCollectionExtensions.ReadinessTag) });
    }
}
