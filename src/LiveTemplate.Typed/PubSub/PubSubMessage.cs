namespace LiveTemplate.Typed.PubSub;

/// <summary>What every message carried between instances has: who sent it and when.</summary>
public abstract class PubSubMessage
{
    private protected PubSubMessage(string instanceId, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        InstanceId = instanceId;
        Timestamp = timestamp;
    }

    /// <summary>The id of the instance that published the message; an instance drops its own echo by it.</summary>
    public string InstanceId { get; }

    /// <summary>When the message was published (the publisher's clock).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>
    /// Where the message is in its channel's stream, when the channel keeps a history (see
    /// <see cref="BroadcasterOptions.History"/>); null for messages without one (history off, or a Go publisher).
    /// </summary>
    public StreamPosition? Position { get; internal set; }

    /// <summary>The kind of channel the message travels on.</summary>
    public abstract ChannelKind ChannelKind { get; }

    /// <summary>
    /// The W3C trace context (<c>traceparent</c>) of the span that delivered the message to this instance's handlers
    /// (the publish, or the receive from another instance), when it is traced; null otherwise.
    /// </summary>
    public string? TraceParent { get; internal set; }

    // The typed action decoded from this message's data, shared by the handlers of every local connection when the
    // action is immutable (IAction.IsImmutable); set once by the first handler that decodes it.
    private SharedDecode? _decoded;

    /// <summary>The value decoded from exactly <paramref name="data"/> as <typeparamref name="TAction"/> by an earlier handler, if any.</summary>
    internal bool TryGetDecoded<TAction>(ReadOnlyMemory<byte> data, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TAction action)
    {
        if (Volatile.Read(ref _decoded) is { } decoded && decoded.Data.Equals(data) && decoded.Value is TAction value)
        {
            action = value;
            return true;
        }

        action = default;
        return false;
    }

    /// <summary>Keeps <paramref name="action"/>, decoded from <paramref name="data"/>, for the next handler (two racing decoders store equal values).</summary>
    internal void KeepDecoded(ReadOnlyMemory<byte> data, object action) => Volatile.Write(ref _decoded, new SharedDecode(data, action));

    private sealed record SharedDecode(ReadOnlyMemory<byte> Data, object Value);
}
