namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>
/// The listener every connection of a scenario reports to; each measured run puts its own probe in it, so the
/// connections stay open across runs (warm-up, closed loop, fixed rate) and only the bookkeeping starts afresh.
/// </summary>
public sealed class ListenerSlot : IDeliveryListener
{
    private volatile IDeliveryListener? _current;

    /// <summary>The probe of the run under way (null between runs: deliveries are ignored).</summary>
    public IDeliveryListener? Current
    {
        get => _current;
        set => _current = value;
    }

    /// <inheritdoc />
    public void OnTick(int seq) => _current?.OnTick(seq);

    /// <inheritdoc />
    public void OnCardMoved(int cardId) => _current?.OnCardMoved(cardId);
}
