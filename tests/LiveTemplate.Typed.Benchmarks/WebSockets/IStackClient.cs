namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>One open client connection of a stack.</summary>
public interface IStackClient : IAsyncDisposable
{
    /// <summary>Asks the server to publish tick <paramref name="seq"/> to <paramref name="group"/> (with <paramref name="viaTopic"/>, to the group's topic; a stack without topics: the group).</summary>
    Task PublishAsync(string group, int seq, string text, bool viaTopic = false);

    /// <summary>The board's "move a card": the server tells the caller and the rest of the client's group.</summary>
    Task MoveCardAsync(int cardId, string column);
}
