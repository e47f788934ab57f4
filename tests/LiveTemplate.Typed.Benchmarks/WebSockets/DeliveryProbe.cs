using System.Diagnostics;

namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>
/// One run's bookkeeping: when each message was sent (by the load process's clock), how many of its deliveries are
/// still due, every delivery's latency (send call to the client's receive), and a window of messages in flight for
/// the closed loop: the publisher takes a slot before it sends and the last delivery of a message gives it back.
/// </summary>
public sealed class DeliveryProbe : IDeliveryListener
{
    private readonly long[] _sentAt;
    private readonly int[] _due;
    private readonly long[] _latencies;
    private readonly int _targets;
    private int _samples;
    private long _deliveries;
    private long _unexpected;

    /// <summary>A probe for up to <paramref name="capacity"/> messages, each due at <paramref name="targets"/> clients; a closed loop passes its <paramref name="window"/>.</summary>
    public DeliveryProbe(int capacity, int targets, int? window = null)
    {
        _sentAt = new long[capacity];
        _due = new int[capacity];
        _latencies = new long[(long)capacity * targets > 4_000_000 ? 4_000_000 : capacity * targets];
        _targets = targets;
        Window = window is { } size ? new SemaphoreSlim(size, size) : null;
    }

    /// <summary>Messages in flight: the closed loop waits on it before each send (null at a fixed rate).</summary>
    public SemaphoreSlim? Window { get; }

    /// <summary>How many messages this probe can track.</summary>
    public int Capacity => _sentAt.Length;

    /// <summary>Deliveries so far.</summary>
    public long Deliveries => Interlocked.Read(ref _deliveries);

    /// <summary>Deliveries of a message not sent in this run, or one too many of a message (there must be none).</summary>
    public long Unexpected => Interlocked.Read(ref _unexpected);

    /// <summary>The recorded latencies (Stopwatch ticks).</summary>
    public ReadOnlySpan<long> Latencies => _latencies.AsSpan(0, Math.Min(Volatile.Read(ref _samples), _latencies.Length));

    /// <summary>Records that message <paramref name="seq"/> is being sent now; call just before the send.</summary>
    public void Sending(int seq)
    {
        Volatile.Write(ref _due[seq], _targets);
        Volatile.Write(ref _sentAt[seq], Stopwatch.GetTimestamp());
    }

    /// <inheritdoc />
    public void OnTick(int seq) => Delivered(seq);

    /// <inheritdoc />
    public void OnCardMoved(int cardId) => Delivered(cardId);

    private void Delivered(int seq)
    {
        var now = Stopwatch.GetTimestamp();
        if ((uint)seq >= (uint)_sentAt.Length || Volatile.Read(ref _sentAt[seq]) is var sent && sent == 0)
        {
            Interlocked.Increment(ref _unexpected);
            return;
        }

        var remaining = Interlocked.Decrement(ref _due[seq]);
        if (remaining < 0)
        {
            Interlocked.Increment(ref _unexpected);
            return;
        }

        Interlocked.Increment(ref _deliveries);
        var slot = Interlocked.Increment(ref _samples) - 1;
        if (slot < _latencies.Length)
        {
            _latencies[slot] = now - sent;
        }

        if (remaining == 0)
        {
            Window?.Release();
        }
    }
}
