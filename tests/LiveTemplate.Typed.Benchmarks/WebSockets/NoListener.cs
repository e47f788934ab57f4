namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>For a client whose deliveries are not measured (the publisher, the mover, idle connections).</summary>
public sealed class NoListener : IDeliveryListener
{
    /// <summary>The one instance.</summary>
    public static readonly NoListener Instance = new();

    /// <inheritdoc />
    public void OnTick(int seq)
    {
    }

    /// <inheritdoc />
    public void OnCardMoved(int cardId)
    {
    }
}
