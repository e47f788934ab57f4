namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// What a transport with history answers to a read of a channel's stream: the stream's epoch and last offset, the
/// oldest offset it still keeps, and the stamped envelopes read, in order, the first at <see cref="FromOffset"/>.
/// </summary>
public sealed class StreamSlice
{
    /// <summary>The answer for a stream that does not exist.</summary>
    public static readonly StreamSlice Missing = new(null, 0, 0, 0, []);

    /// <summary>Describes a read.</summary>
    public StreamSlice(string? epoch, ulong top, ulong first, ulong fromOffset, IReadOnlyList<ReadOnlyMemory<byte>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Epoch = epoch;
        Top = top;
        First = first;
        FromOffset = fromOffset;
        Entries = entries;
    }

    /// <summary>The stream's epoch; null when the stream does not exist.</summary>
    public string? Epoch { get; }

    /// <summary>The offset of the stream's last message (0 when it has none).</summary>
    public ulong Top { get; }

    /// <summary>The oldest offset still kept (Top + 1 when none is).</summary>
    public ulong First { get; }

    /// <summary>The offset of <see cref="Entries"/>' first envelope.</summary>
    public ulong FromOffset { get; }

    /// <summary>The envelopes read, as stamped (see docs/recovery.md), in stream order.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Entries { get; }
}
