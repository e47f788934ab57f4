namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// Told in a channel's order, where the missed messages would have been: messages of the channel's stream were lost
/// and cannot be recovered from its history (trimmed, a new epoch, the stream gone or rewound). What follows it is
/// complete again from <see cref="ResumedAfter"/> on. An app reloads the state the stream would have changed (a page
/// refetches its board); the connection registry passes it to every connection of the channel's scope.
/// </summary>
public sealed class NotRecoveredMessage : PubSubMessage
{
    private readonly ChannelKind _kind;

    /// <summary>Creates the notice for <paramref name="channel"/> (of <paramref name="kind"/> and <paramref name="scopeId"/>).</summary>
    public NotRecoveredMessage(string channel, ChannelKind kind, string? scopeId, NotRecoveredReason reason, StreamPosition? lastKnown, StreamPosition? resumedAfter, string instanceId, DateTimeOffset timestamp)
        : base(instanceId, timestamp)
    {
        ArgumentNullException.ThrowIfNull(channel);
        Channel = channel;
        _kind = kind;
        ScopeId = scopeId;
        Reason = reason;
        LastKnown = lastKnown;
        ResumedAfter = resumedAfter;
    }

    /// <summary>The channel whose stream lost messages.</summary>
    public string Channel { get; }

    /// <summary>The group or user id of the channel; null for the global channel.</summary>
    public string? ScopeId { get; }

    /// <summary>Why they could not be recovered.</summary>
    public NotRecoveredReason Reason { get; }

    /// <summary>The last position the receiver had before the loss, when it had one.</summary>
    public StreamPosition? LastKnown { get; }

    /// <summary>The position after which the stream is complete again (the next message is the one after it), when known.</summary>
    public StreamPosition? ResumedAfter { get; }

    /// <inheritdoc />
    public override ChannelKind ChannelKind => _kind;

    /// <inheritdoc />
    public override string ToString() => $"{Channel}: not recovered ({Reason}) after {LastKnown?.ToString() ?? "-"}, complete again after {ResumedAfter?.ToString() ?? "-"}";
}
