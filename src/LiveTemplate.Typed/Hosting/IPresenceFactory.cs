using LiveTemplate.Typed.Presence;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Hosting;

/// <summary>
/// Creates the application's one presence tracker. The host registers the in-memory one
/// (<see cref="InMemoryPresenceFactory"/>); a backplane package (<c>AddRedis</c>) replaces it, as it does the broadcaster.
/// </summary>
public interface IPresenceFactory
{
    /// <summary>The store's name, for logs (<c>in-memory</c>, <c>redis</c>).</summary>
    string Store { get; }

    /// <summary>Creates the tracker with <paramref name="options"/>, its keys under the broadcaster's <see cref="BroadcasterOptions.ChannelPrefix"/>.</summary>
    /// <param name="options">Presence's settings, already validated.</param>
    /// <param name="broadcaster">The broadcaster's settings (the prefix).</param>
    /// <param name="services">The application's services (loggers, a multiplexer the app registered).</param>
    IPresence Create(PresenceOptions options, BroadcasterOptions broadcaster, IServiceProvider services);
}
