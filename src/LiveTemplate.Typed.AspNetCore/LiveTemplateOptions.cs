using System.Security.Claims;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.Presence;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore;

/// <summary>
/// Every setting of a hosted app in one model: the broadcaster's (inherited: channel prefix, message size, retries,
/// restore timeout, signing key) and the endpoints' and connections', bound from the configuration section
/// <c>LiveTemplate</c> (for example <c>--LiveTemplate:MaxFrameBytes=65536</c>, or <c>LiveTemplate:SigningKey</c> as
/// base64) and validated at start-up, each error naming its setting. Every limit has a default that suits a browser
/// app; a hostile client meets the limits, never the server's memory.
/// </summary>
public sealed class LiveTemplateOptions : BroadcasterOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "LiveTemplate";

    /// <summary>The default name of the session cookie, livetemplate's sticky-session cookie.</summary>
    public const string DefaultSessionCookieName = "livetemplate-id";

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

    /// <summary>Which message a full outbound queue drops: the one arriving (the default) or the oldest waiting.</summary>
    public OutboundFullMode OutboundFullMode { get; set; } = OutboundFullMode.DropIncoming;

    /// <summary>
    /// How long a new connection waits for its channels to be subscribed before it starts anyway (default 5 s); the
    /// subscriptions are confirmed later when the transport is slow or away.
    /// </summary>
    public TimeSpan SubscribeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long sending one frame to a browser may take before the connection is aborted as dead (default 10 s).</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the server waits for the browser to answer its close frame before it aborts the socket (default 5 s).</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long shutdown waits for open connections to close (with 1001) before it aborts the rest (default 10 s).</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the server sends a browser a keep-alive frame, which keeps proxies from dropping an idle socket (default
    /// 30 s); zero sends none, and then <see cref="KeepAliveTimeout"/> is off too.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the server waits for a browser's answer (a pong) to each keep-alive ping before it aborts the connection
    /// as dead (default 30 s): a browser whose network went away without a close leaves within about
    /// <see cref="KeepAliveInterval"/> plus this, and its presence with it. Zero sends unanswered keep-alive frames
    /// (unsolicited pongs) instead, and a dead browser stays until a send to it fails. On .NET 8, whose WebSockets send
    /// no pings, it is zero and must stay so.
    /// </summary>
    public TimeSpan KeepAliveTimeout { get; set; } = PingsSupported ? TimeSpan.FromSeconds(30) : TimeSpan.Zero;

    // ASP.NET Core 9 added the ping with a timeout (WebSocketOptions.KeepAliveTimeout).
#if NET9_0_OR_GREATER
    internal const bool PingsSupported = true;
#else
    internal const bool PingsSupported = false;
#endif

    /// <summary>How long a ping may go unanswered, when the server sends pings at all; null when it sends none.</summary>
    internal TimeSpan? PingTimeout => KeepAliveInterval > TimeSpan.Zero && KeepAliveTimeout > TimeSpan.Zero ? KeepAliveTimeout : null;

    /// <summary>
    /// The origins (<c>https://board.example.com</c>: scheme, host and port as a browser sends them, no path) whose pages
    /// may open a connection, compared ignoring case; empty (the default) allows any. Set it when browsers authenticate
    /// with cookies, so that another site cannot open a socket in a user's name. An entry that is not an origin stops the start-up.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = new List<string>();

    /// <summary>
    /// Presence's settings (<c>LiveTemplate:Presence:HeartbeatInterval</c>, <c>:Timeout</c>, <c>:MaxMetadataBytes</c>,
    /// <c>:Events</c>): how soon a crashed instance's members leave, how large a connection's metadata may be, and
    /// whether a user or each connection is a member. See docs/presence.md.
    /// </summary>
    public PresenceOptions Presence { get; } = new();

    /// <summary>Values of the configuration section that could not be bound, reported by the validator with the rest.</summary>
    internal List<string> ConfigurationErrors { get; } = [];

    // The backplane settings (LiveTemplate:Redis, LiveTemplate:UseShardedPubSub) configuration gave, which a backplane
    // package reads itself: with none registered they would be ignored, so the start-up refuses them.
    internal List<string> BackplaneSettingsGiven { get; } = [];
}
