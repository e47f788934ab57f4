namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>Where a client reports what it received (called on the client's receive loop).</summary>
public interface IDeliveryListener
{
    /// <summary>A tick arrived.</summary>
    void OnTick(int seq);

    /// <summary>A card move arrived.</summary>
    void OnCardMoved(int cardId);
}
