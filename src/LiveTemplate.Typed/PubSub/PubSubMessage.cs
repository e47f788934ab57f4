using System.ComponentModel;

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

    // The browser frame written of this message itself (a topic action's, a broadcast's), shared the same way.
    private EncodedOnce? _frame;

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

    /// <summary>
    /// The bytes <paramref name="encode"/> makes of <paramref name="action"/>, made once for all of this message's local
    /// connections: when <paramref name="action"/> is the very instance decoded from this message and shared by their
    /// handlers (an immutable action, docs/actions.md), the first call encodes it and every later call with the same
    /// <paramref name="encode"/> gets the same bytes. False for any other action (the caller encodes it itself). The host
    /// writes the browser frame of a forwarded group action once per message this way, not once per connection.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool TryEncodeShared<TAction>(TAction action, Func<TAction, byte[]> encode, out ReadOnlyMemory<byte> encoded)
        where TAction : notnull
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(encode);
        encoded = default;
        if (typeof(TAction).IsValueType || Volatile.Read(ref _decoded) is not { } decoded || !ReferenceEquals(decoded.Value, action))
        {
            return false;
        }

        return decoded.Encoding.TryGet(action, encode, out encoded);
    }

    /// <summary>
    /// The bytes <paramref name="encode"/> makes of this message itself, made once for all of its local connections (a
    /// message is never changed after it is received): the host writes the browser frame of a topic action or a
    /// broadcast this way. A call with another <paramref name="encode"/> than the first gets bytes of its own.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ReadOnlyMemory<byte> EncodeOnce(Func<PubSubMessage, byte[]> encode)
    {
        ArgumentNullException.ThrowIfNull(encode);
        var once = Volatile.Read(ref _frame) ?? Interlocked.CompareExchange(ref _frame, new EncodedOnce(), null) ?? _frame!;
        return once.TryGet(this, encode, out var encoded) ? encoded : encode(this);
    }

    private sealed class SharedDecode(ReadOnlyMemory<byte> data, object value)
    {
        public ReadOnlyMemory<byte> Data { get; } = data;

        public object Value { get; } = value;

        public EncodedOnce Encoding { get; } = new();
    }

    /// <summary>
    /// The first encoding asked of one value, made exactly once (racing first callers wait for it; the lock is this
    /// private object's, taken only until it is made), and handed to every later caller with the same encoder.
    /// </summary>
    private sealed class EncodedOnce
    {
        private Kept? _kept;

        public bool TryGet<T>(T value, Func<T, byte[]> encode, out ReadOnlyMemory<byte> encoded)
        {
            var kept = Volatile.Read(ref _kept) ?? Make(value, encode);
            var same = ReferenceEquals(kept.Encoder, encode);
            encoded = same ? kept.Bytes : default;
            return same;
        }

        private Kept Make<T>(T value, Func<T, byte[]> encode)
        {
            lock (this)
            {
                if (_kept is null)
                {
                    Volatile.Write(ref _kept, new Kept(encode, encode(value)));
                }

                return _kept!;
            }
        }

        private sealed record Kept(Delegate Encoder, byte[] Bytes);
    }
}
