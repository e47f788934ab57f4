using System.Text;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Redis.Tests.Faults;

/// <summary>
/// Messages no broadcaster should accept, of every kind the fault suite throws at every channel: random bytes,
/// invalid UTF-8, deep nesting, huge numbers, wrong and unknown types, envelopes of another scope, and (now and
/// then) a 10 MB payload. Each one must be dropped, so each counts as exactly one expected drop, for the reason
/// <see cref="ReasonOf"/> names.
/// </summary>
internal static class HostileFlood
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    /// <summary>The <paramref name="index"/>th hostile message of a channel (one in 800 is 10 MB).</summary>
    public static byte[] Message(int index, Random random)
    {
        switch (index % 8)
        {
            case 0:
                var garbage = new byte[random.Next(1, 512)];
                random.NextBytes(garbage);
                garbage[0] = (byte)'#'; // never accidentally '{'
                return garbage;
            case 1:
                var invalidUtf8 = Encoding.UTF8.GetBytes("""{"type":"group_action","groupID":"XX","action":"a"}""");
                invalidUtf8[Array.IndexOf(invalidUtf8, (byte)'X')] = 0xFF;
                return invalidUtf8;
            case 2:
                return Encoding.UTF8.GetBytes("""{"type":"broadcast","deep":""" + new string('[', 100_000) + new string(']', 100_000) + "}");
            case 3:
                return Encoding.UTF8.GetBytes("""{"type":"group_action","groupID":"g","action":"a","seq":1""" + new string('0', 400) + "}");
            case 4:
                return Encoding.UTF8.GetBytes("""{"type":"group_action","groupID":"g","action":"a","seq":-1e308}""");
            case 5:
                return Encoding.UTF8.GetBytes("""{"type":"presence_sync","topic":"t","action":"a","seq":1}""");
            case 6:
                return Encoding.UTF8.GetBytes("""{"type":"server_action","userID":"someone-else","action":"steal","timestamp":"2026-11-27T10:15:31Z","instanceID":"x"}""");
            default:
                if ((index / 8) % 100 != 0)
                {
                    return Encoding.UTF8.GetBytes("""{"type":1,"payload":[],"scope":{}}""");
                }

                var huge = new byte[TenMegabytes];
                Array.Fill(huge, (byte)'x');
                Encoding.UTF8.GetBytes("""{"type":"broadcast","payload":" """).CopyTo(huge, 0);
                return huge;
        }
    }

    /// <summary>
    /// Why the <paramref name="index"/>th hostile message of a channel is dropped, whatever the channel kind: bytes that are
    /// not an envelope, or a field out of range or mistyped, are malformed; a type no reader knows is unknown; a server
    /// action for another user belongs on none of the channels; the 10 MB one is oversized.
    /// </summary>
    public static DropReason ReasonOf(int index) => (index % 8) switch
    {
        5 => DropReason.UnknownType,
        6 => DropReason.ScopeMismatch,
        7 when (index / 8) % 100 == 0 => DropReason.Oversized,
        _ => DropReason.Malformed,
    };

    /// <summary>Total drops recorded by a broadcaster, whatever the reason.</summary>
    public static long TotalDropped(BroadcasterStatistics statistics) => statistics.Dropped.Values.Sum();
}
