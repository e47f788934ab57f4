namespace LiveTemplate.Typed.AspNetCore;

/// <summary>
/// The <c>code</c> of an error frame (<c>{"type":"error","code":"…","message":"…"}</c>) the server sends a browser.
/// Codes are stable; messages are for people and may change.
/// </summary>
public static class LiveErrorCodes
{
    /// <summary>The frame is not a JSON object with a string <c>action</c> (or is binary); it counts as invalid.</summary>
    public const string MalformedFrame = "malformed-frame";

    /// <summary>No action of that name may be invoked from the browser; it counts as invalid.</summary>
    public const string UnknownAction = "unknown-action";

    /// <summary>The handler knows the action, but a browser may not invoke it (a server-only action); it counts as invalid.</summary>
    public const string NotAllowed = "not-allowed";

    /// <summary>The action's <c>data</c> does not decode (the message names the member); it counts as invalid.</summary>
    public const string InvalidData = "invalid-data";

    /// <summary>The connection sent frames faster than its rate limit; the server closes it with 1008.</summary>
    public const string RateLimited = "rate-limited";

    /// <summary>The frame was larger than the limit; the server closes the connection with 1009.</summary>
    public const string FrameTooLarge = "frame-too-large";

    /// <summary>A browser's presence metadata is malformed, not of the endpoint's type, or too large; it counts as invalid, the connection stays open.</summary>
    public const string InvalidPresence = "invalid-presence";

    /// <summary>
    /// The endpoint's <see cref="TopicPolicy"/> does not let this browser subscribe to the topic or pattern (named in the
    /// frame's <c>topic</c>), or it is another connection's reserved topic; it does not count as invalid, the connection stays open.
    /// </summary>
    public const string TopicForbidden = "topic_forbidden";

    /// <summary>A subscribe or unsubscribe frame names no valid topic or pattern (the message gives the grammar's reason); it counts as invalid.</summary>
    public const string InvalidTopic = "invalid-topic";

    /// <summary>The browser already holds <see cref="TopicPolicy.MaxBrowserSubscriptions"/> topics and patterns; the connection stays open.</summary>
    public const string TooManyTopics = "too-many-topics";

    /// <summary>
    /// The handler failed while running the action (or a topic policy's delegate threw, or the broadcaster failed a topic
    /// frame's subscribe or unsubscribe: <c>topic</c> names the topic, which the browser then does not hold); the connection stays open.
    /// </summary>
    public const string HandlerFailed = "handler-failed";
}
