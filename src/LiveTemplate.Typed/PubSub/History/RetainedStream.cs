using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.PubSub.History;

/// <summary>
/// One channel's history in memory (the in-memory network's, as Redis keeps it for the Redis broadcaster): an epoch,
/// the last offset, and the last stamped envelopes, bounded in number. Not thread-safe: its owner locks.
/// </summary>
internal sealed class RetainedStream(string epoch)
{
    private readonly List<byte[]> _entries = [];
    private int _start;

    public string Epoch { get; } = epoch;

    public ulong Top { get; private set; }

    public DateTimeOffset LastWrite { get; private set; }

    private int Count => _entries.Count - _start;

    private ulong First => Top - (ulong)Count + 1;

    /// <summary>Stamps the next position on <paramref name="envelope"/>, keeps it (trimming beyond <paramref name="size"/>) and returns it.</summary>
    public byte[] Append(ReadOnlySpan<byte> envelope, int tailLength, int size, DateTimeOffset now)
    {
        var stamped = StreamStamp.Insert(envelope, tailLength, Epoch, ++Top);
        _entries.Add(stamped);
        while (Count > size)
        {
            _entries[_start++] = null!;
        }

        if (_start > 1024 && _start > _entries.Count / 2)
        {
            _entries.RemoveRange(0, _start);
            _start = 0;
        }

        LastWrite = now;
        return stamped;
    }

    /// <summary>Starts the idle expiry again.</summary>
    public void Touch(DateTimeOffset now) => LastWrite = now;

    /// <summary>Reads as <see cref="IChannelTransport.ReadAsync"/> describes.</summary>
    public StreamSlice Read(StreamPosition? after, bool includeAfter, int maxCount)
    {
        var from = after is { } a && a.Epoch == Epoch ? a.Offset + (includeAfter ? 0UL : 1UL) : 1UL;
        from = Math.Max(Math.Max(from, First), 1);
        var entries = new List<ReadOnlyMemory<byte>>();
        for (var offset = from; offset <= Top && entries.Count < maxCount; offset++)
        {
            entries.Add(_entries[_start + (int)(offset - First)]);
        }

        return new StreamSlice(Epoch, Top, First, from, entries);
    }
}
