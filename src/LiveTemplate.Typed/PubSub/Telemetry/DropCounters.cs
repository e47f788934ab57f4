using System.Diagnostics.Metrics;

namespace LiveTemplate.Typed.PubSub.Telemetry;

/// <summary>Lock-free counts of dropped messages by reason, observable as tagged measurements.</summary>
internal sealed class DropCounters
{
    private static readonly DropReason[] Reasons = Enum.GetValues<DropReason>();
    private static readonly KeyValuePair<string, object?>[] Tags = Reasons.Select(r => new KeyValuePair<string, object?>("reason", TagOf(r))).ToArray();
    private readonly long[] _counts = new long[Reasons.Length];

    public void Increment(DropReason reason) => Interlocked.Increment(ref _counts[(int)reason]);

    public void Add(DropReason reason, int count) => Interlocked.Add(ref _counts[(int)reason], count);

    public long this[DropReason reason] => Volatile.Read(ref _counts[(int)reason]);

    public IReadOnlyDictionary<DropReason, long> Snapshot()
    {
        var snapshot = new Dictionary<DropReason, long>();
        foreach (var reason in Reasons)
        {
            if (this[reason] is var count and > 0)
            {
                snapshot[reason] = count;
            }
        }

        return snapshot;
    }

    public IEnumerable<Measurement<long>> Observe()
    {
        for (var i = 0; i < Reasons.Length; i++)
        {
            if (Volatile.Read(ref _counts[i]) is var count and > 0)
            {
                yield return new Measurement<long>(count, Tags[i]);
            }
        }
    }

    public static string TagOf(DropReason reason) => reason switch
    {
        DropReason.Malformed => "malformed",
        DropReason.Oversized => "oversized",
        DropReason.UnknownType => "unknown_type",
        DropReason.ScopeMismatch => "scope_mismatch",
        DropReason.HandlerError => "handler_error",
        DropReason.QueueFull => "queue_full",
        DropReason.BadSignature => "bad_signature",
        DropReason.DuplicateCopy => "duplicate_copy",
        DropReason.NotInStream => "not_in_stream",
        _ => reason.ToString(),
    };
}
