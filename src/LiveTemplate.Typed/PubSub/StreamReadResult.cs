namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// What a read of a channel's stream returned (<see cref="IStreamHistory.ReadStreamAsync"/>): the messages after the
/// position asked for, in order, checked like live ones; and when they could not all be recovered, why.
/// </summary>
public sealed class StreamReadResult
{
    internal StreamReadResult(StreamPosition? head, IReadOnlyList<PubSubMessage> messages, NotRecoveredReason? notRecovered)
    {
        Head = head;
        Messages = messages;
        NotRecovered = notRecovered;
    }

    /// <summary>The position of the stream's last message when it was read (after the last of <see cref="Messages"/>); null when the stream does not exist.</summary>
    public StreamPosition? Head { get; }

    /// <summary>The messages after the position asked for, each with its <see cref="PubSubMessage.Position"/>.</summary>
    public IReadOnlyList<PubSubMessage> Messages { get; }

    /// <summary>Null when every message after the position asked for is in <see cref="Messages"/>; otherwise why not.</summary>
    public NotRecoveredReason? NotRecovered { get; }
}
