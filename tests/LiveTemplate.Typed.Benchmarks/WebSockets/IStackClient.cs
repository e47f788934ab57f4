namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>One open client connection of a stack.</summary>
public interface IStackClient : IAsyncDisposable
{
    /// <summary>Asks the server to publish tick <paramref name="seq"/> to <paramref name="group"/>.</summary>
    Task PublishAsync(string group, int seq, string text);

    /// <summary>The board's "move a card": the server tells the caller and the rest of the client's group.</summary>
    Task MoveCardAsync(int cardId, string column);
}
