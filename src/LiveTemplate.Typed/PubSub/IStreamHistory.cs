namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// The recovery side of a broadcaster whose channels keep a history (<see cref="BroadcasterOptions.History"/>): which
/// kinds do, reading a channel's stream after a position (to resume a client that was away), and the notices of what
/// could not be recovered. <see cref="ChannelBroadcaster"/> implements it; see docs/recovery.md.
/// </summary>
public interface IStreamHistory
{
    /// <summary>The channel names the broadcaster uses.</summary>
    ChannelNames Channels { get; }

    /// <summary>True when channels of <paramref name="kind"/> keep a history, so that their messages carry positions.</summary>
    bool KeepsHistory(ChannelKind kind);

    /// <summary>
    /// Reads the stream of the channel of <paramref name="kind"/> and <paramref name="scopeId"/> (null for global): with
    /// <paramref name="after"/> null only its head; otherwise every message after that position, or why they cannot
    /// all be recovered. A read after a position that cannot have everything (or fails) counts in
    /// <c>livetemplate.streams.not_recovered</c> (<c>unavailable</c> for a failed read).
    /// </summary>
    Task<StreamReadResult> ReadStreamAsync(ChannelKind kind, string? scopeId, StreamPosition? after, CancellationToken ct = default);

    /// <summary>
    /// Registers a handler for <see cref="NotRecoveredMessage"/>s: one per loss this instance could not repair, in the
    /// channel's order. The connection registry registers one and passes the notices to the affected connections.
    /// </summary>
    Task SubscribeNotRecoveredAsync(Func<NotRecoveredMessage, ValueTask> handler, CancellationToken ct = default);
}
