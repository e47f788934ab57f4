namespace LiveTemplate.Typed.PubSub.History;

/// <summary>
/// Where this instance is in one channel's stream: the last position delivered (or the head when the channel was
/// subscribed), who published that message and when (to notice a stream that went back), and whether the transport
/// carried the channel without a break since. Its gate serialises live delivery, gap filling and the catch-up after
/// an outage, so that recovered messages go first and live ones wait.
/// </summary>
internal sealed class ChannelStream(ChannelSubscription subscription)
{
    public ChannelSubscription Subscription { get; } = subscription;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>False until the head was read or a first positioned message arrived.</summary>
    public bool IsKnown { get; private set; }

    /// <summary>The epoch of <see cref="Offset"/>; null when the stream did not exist when last seen.</summary>
    public string? Epoch { get; private set; }

    /// <summary>The last offset delivered (or the head read at subscription).</summary>
    public ulong Offset { get; private set; }

    /// <summary>True while the transport carried the channel without a break since <see cref="Offset"/>.</summary>
    public bool IsContinuous { get; set; } = true;

    /// <summary>True when a read failed: live messages past the next one wait for the catch-up instead of reading again.</summary>
    public bool NeedsCatchUp { get; set; }

    /// <summary>The publisher of the message at <see cref="Offset"/> (null for a head read), to check the stream still has it.</summary>
    public string? LastInstanceId { get; private set; }

    public DateTimeOffset LastTimestamp { get; private set; }

    public StreamPosition? Position => Epoch is { } epoch ? new StreamPosition(epoch, Offset) : null;

    /// <summary>Starts from a head read (the stream's epoch and last offset, or none).</summary>
    public void StartAt(string? epoch, ulong offset)
    {
        IsKnown = true;
        Epoch = epoch;
        Offset = epoch is null ? 0 : offset;
        LastInstanceId = null;
    }

    /// <summary>Records a delivered (or skipped) message as the last one.</summary>
    public void Advance(PubSubMessage message)
    {
        var position = message.Position!.Value;
        IsKnown = true;
        Epoch = position.Epoch;
        Offset = position.Offset;
        LastInstanceId = message.InstanceId;
        LastTimestamp = message.Timestamp;
    }

    /// <summary>Moves to <paramref name="offset"/> of <paramref name="epoch"/> without a message (after a loss).</summary>
    public void SkipTo(string? epoch, ulong offset) => StartAt(epoch, offset);

    /// <summary>True when <paramref name="message"/> is the one this stream last delivered (same publisher and time).</summary>
    public bool IsLast(PubSubMessage message)
        => LastInstanceId is null || (string.Equals(LastInstanceId, message.InstanceId, StringComparison.Ordinal) && LastTimestamp == message.Timestamp);
}
