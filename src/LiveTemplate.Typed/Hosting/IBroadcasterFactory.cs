using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Hosting;

/// <summary>
/// Creates the application's one broadcaster from the settings the host bound and validated. The host registers the
/// in-memory one (<see cref="InMemoryBroadcasterFactory"/>); a backplane package (<c>AddRedis</c>) replaces it.
/// </summary>
public interface IBroadcasterFactory
{
    /// <summary>The transport's name, for logs and the readiness check (<c>in-memory</c>, <c>redis</c>).</summary>
    string Transport { get; }

    /// <summary>Creates the broadcaster with <paramref name="options"/> (every setting the broadcasters share).</summary>
    /// <param name="options">The shared settings (prefix, limits, retries, signing key, meter factory), already validated.</param>
    /// <param name="services">The application's services (loggers, a multiplexer the app registered).</param>
    IBroadcaster Create(BroadcasterOptions options, IServiceProvider services);
}
