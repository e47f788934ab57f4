using LiveTemplate.Typed;

namespace LiveTemplate.Typed.Benchmarks.Actions;

// The action of the cross-instance benchmarks: a 100-byte JSON object (see PingPayload), once as a group action
// and once as a server action. SentAt is Stopwatch.GetTimestamp() at publish, for latency in one process.

/// <summary>A ping to a user's connections.</summary>
[ServerAction("user-ping")]
public sealed partial record UserPing(long SentAt, long Seq, string Body);

/// <summary>A ping to a group's connections.</summary>
[GroupAction("group-ping")]
public sealed partial record GroupPing(long SentAt, long Seq, string Body);

/// <summary>The body that makes a ping's data exactly <see cref="DataBytes"/> bytes of JSON.</summary>
public static class PingPayload
{
    /// <summary>The size of every peer's payload: the action's JSON data here, the raw bytes for raw pub/sub.</summary>
    public const int DataBytes = 100;

    private static readonly string[] Bodies = Enumerable.Range(0, DataBytes + 1).Select(n => new string('x', n)).ToArray();

    /// <summary>
    /// The body that pads {"sentAt":…,"seq":…,"body":"…"} to exactly <see cref="DataBytes"/> bytes; cached, so that
    /// building a ping allocates nothing but the record.
    /// </summary>
    public static string Body(long sentAt, long seq)
    {
        // {"sentAt":,"seq":,"body":""} is 28 bytes without the two numbers.
        var fixedPart = 28 + Digits(sentAt) + Digits(seq);
        return Bodies[Math.Clamp(DataBytes - fixedPart, 0, DataBytes)];
    }

    private static int Digits(long value) => value < 0 ? Digits(-value) + 1 : value < 10 ? 1 : 1 + Digits(value / 10);
}

/// <summary>A ping to a topic's subscribers (exact or by pattern).</summary>
[TopicAction("topic-ping")]
public sealed partial record TopicPing(long SentAt, long Seq, string Body);
