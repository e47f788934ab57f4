namespace LiveTemplate.Typed.PubSub.Intake;

/// <summary>
/// The last <c>capacity</c> (instanceID, seq) pairs of topic actions this instance accepted, so that the second copy of
/// one (an instance with an exact and a matching pattern subscription receives each publish twice) is dropped, as Go
/// does. Seq 0 (a sender without the counter) is never recorded nor treated as a repeat. Bounded: the oldest pair goes.
/// </summary>
internal sealed class DuplicateWindow(int capacity)
{
    private readonly object _gate = new();
    private readonly HashSet<(string InstanceId, ulong Seq)> _seen = [];
    private readonly Queue<(string InstanceId, ulong Seq)> _order = new();

    /// <summary>The window's size.</summary>
    public int Capacity => capacity;

    /// <summary>True when (<paramref name="instanceId"/>, <paramref name="seq"/>) was accepted before and is still in the window; otherwise records it.</summary>
    public bool IsRepeat(string instanceId, ulong seq)
    {
        if (seq == 0)
        {
            return false;
        }

        var key = (instanceId, seq);
        lock (_gate)
        {
            if (!_seen.Add(key))
            {
                return true;
            }

            _order.Enqueue(key);
            if (_order.Count > capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return false;
        }
    }
}
