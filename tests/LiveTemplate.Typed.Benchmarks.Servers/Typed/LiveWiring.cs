using LiveTemplate.Typed.AspNetCore;
using LiveTemplate.Typed.Redis;
using LiveTemplate.Typed.Benchmarks.Servers.Typed.Actions;

namespace LiveTemplate.Typed.Benchmarks.Servers.Typed;

/// <summary>Every use of LiveTemplate.Typed's host API in the server, in one place (the API is being reshaped).</summary>
public static class LiveWiring
{
    /// <summary>What the server puts before a group's name (the endpoint's groups and the publishes agree).</summary>
    public const string GroupPrefix = "bench:";

    /// <summary>What the server puts before a group's name for its topic (browsers may subscribe to <c>bench/*</c>).</summary>
    public const string TopicPrefix = "bench/";

    /// <summary>
    /// Registers the SDK over the Redis at <paramref name="redis"/>. The load client is one "browser" that publishes
    /// thousands of times a second, so the per-connection flood limit is lifted; everything else is the default.
    /// With <paramref name="presence"/>, every connection is tracked in its group's presence on connect.
    /// </summary>
    public static void AddLive(IServiceCollection services, string redis, bool presence = false)
    {
        services.AddSingleton(new PresenceSwitch(presence));
        services.AddLiveTemplate(o => (o.MessagesPerSecond, o.MessageBurst) = (1_000_000, 1_000_000)).AddRedis(redis);
    }

    /// <summary>Maps the live endpoint: the group is the route's; browsers may follow the topics <c>bench/*</c>. With presence, browsers may list but not track.</summary>
    public static void MapLive(WebApplication app, bool presence = false)
        => app.MapLiveTemplate<BenchHandler>("/live/{group}", endpoint =>
        {
            endpoint.ResolveGroup = http => GroupPrefix + (string?)http.Request.RouteValues["group"];
            endpoint.AllowFromBrowser<Publish>().AllowFromBrowser<PublishToTopic>().AllowFromBrowser<MoveCard>();
            endpoint.UseTopics(topics => topics.Allow(new TopicPattern(TopicPrefix + "*")));
            if (presence)
            {
                endpoint.UsePresence<BenchPresence>(policy => policy.BrowserMayTrack = false);
            }
        });
}
