using System.Security.Claims;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore;

/// <summary>
/// Settings of the LiveTemplate endpoints and broadcaster, bound from the configuration section
/// <c>LiveTemplate</c> (for example <c>--LiveTemplate:Redis=127.0.0.1:6379</c>). Every limit has a default that
/// suits a browser app; a hostile client meets the limits, never the server's memory.
/// </summary>
public sealed class LiveTemplateOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "LiveTemplate";

    /// <summary>The default name of the session cookie, livetemplate's sticky-session cookie.</summary>
    public const string DefaultSessionCookieName = "livetemplate-id";

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>127.0.0.1:6379</c>). When set, instances exchange messages over
    /// Redis; when empty (the default), the in-memory broadcaster serves a single instance with no services.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>The first part of every channel name (default <c>livetemplate</c>); give each app on one Redis its own.</summary>
    public string ChannelPrefix { get; set; } = ChannelNames.DefaultPrefix;

    /// <summary>Use Redis 7 sharded pub/sub (for Redis Cluster); every instance must agree. Off by default.</summary>
    public bool UseShardedPubSub { get; set; }

    /// <summary>The cookie that carries the browser session id, the default group of a connection (default <c>livetemplate-id</c>).</summary>
    public string SessionCookieName { get; set; } = DefaultSessionCookieName;

    /// <summary>The claim of an authenticated <c>HttpContext.User</c> that holds the user id (default the name identifier).</summary>
    public string UserIdClaimType { get; set; } = ClaimTypes.NameIdentifier;

    /// <summary>The largest browser frame accepted, in bytes (default 32 KiB); a larger one closes the connection with 1009.</summary>
    public int MaxFrameBytes { get; set; } = 32 * 1024;

    /// <summary>How many browser frames per second a connection may send on average (default 20).</summary>
    public double MessagesPerSecond { get; set; } = 20;

    /// <summary>How many browser frames a connection may send at once above the average (default 40, the token bucket's size).</summary>
    public int MessageBurst { get; set; } = 40;

    /// <summary>
    /// How many invalid frames (malformed JSON, unknown or forbidden actions, undecodable data) a connection may send:
    /// each is answered with an error frame, and the last one also closes the connection with 1008 (default 5).
    /// </summary>
    public int MaxInvalidFrames { get; set; } = 5;

    /// <summary>How many messages from other instances and services wait for one connection before it drops them (default 1024).</summary>
    public int OutboundQueueCapacity { get; set; } = 1024;

    /// <summary>How long sending one frame to a browser may take before the connection is aborted as dead (default 10 s).</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the server waits for the browser to answer its close frame before it aborts the socket (default 5 s).</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long shutdown waits for open connections to close (with 1001) before it aborts the rest (default 10 s).</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the server pings an idle browser to keep proxies from dropping the socket (default 30 s).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The origins (<c>https://board.example.com</c>) whose pages may open a connection; empty (the default) allows any.
    /// Set it when browsers authenticate with cookies, so that another site cannot open a socket in a user's name.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = new List<string>();
}
