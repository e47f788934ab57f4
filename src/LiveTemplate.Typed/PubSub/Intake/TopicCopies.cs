namespace LiveTemplate.Typed.PubSub.Intake;

/// <summary>
/// The copies of numbered topic actions: an instance holding a topic's channel and a matching pattern (or two matching
/// patterns) receives each publish once per subscription, each on its own receive loop. The first copy is delivered and
/// the others are dropped; and since the loops run apart, the check and the delivery of one topic's copies are made
/// under that topic's gate, so that a later message on one loop is never delivered before an earlier one that another
/// loop had already won (each loop reads its channel in publish order, so a topic's messages keep that order).
/// </summary>
internal sealed class TopicCopies
{
    /// <summary>How many (instance, seq) pairs the window remembers.</summary>
    public const int WindowSize = 4096;

    private const int GateCount = 64; // striped by topic: topics apart rarely share one, and never wait long

    private readonly DuplicateWindow _window = new(WindowSize);
    private readonly SemaphoreSlim[] _gates = Enumerable.Range(0, GateCount).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>
    /// The gate to hold while checking and delivering <paramref name="message"/>, or null when it has no number (seq 0:
    /// a sender without the counter; every copy of it is delivered, as Go does).
    /// </summary>
    public SemaphoreSlim? GateOf(TopicActionMessage message)
        => message.Seq == 0 ? null : _gates[(int)((uint)StringComparer.Ordinal.GetHashCode(message.Topic.Value) % GateCount)];

    /// <summary>True when another copy of <paramref name="message"/> was accepted before; otherwise records it. Call under <see cref="GateOf"/>.</summary>
    public bool IsRepeat(TopicActionMessage message) => _window.IsRepeat(message.InstanceId, message.Seq);
}
