using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace LiveTemplate.Typed.Benchmarks.Presence;

/// <summary>A browser stand-in on a TeamBoard instance: one WebSocket on a board, read frame by frame.</summary>
internal sealed class BoardSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _buffer = new byte[64 * 1024];

    public static async Task<BoardSocket> OpenAsync(Uri app, string board)
    {
        var socket = new BoardSocket();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket._socket.ConnectAsync(new UriBuilder(app) { Scheme = "ws", Path = "/live/" + board }.Uri, bound.Token);
        return socket;
    }

    public async Task SendAsync(string text)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, bound.Token);
    }

    /// <summary>Reads frames until one matches <paramref name="wanted"/>, failing after <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> wanted, TimeSpan timeout)
    {
        using var bound = new CancellationTokenSource(timeout);
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(_buffer, bound.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException("The board closed the socket.");
                }

                message.Write(_buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            var frame = JsonDocument.Parse(message.ToArray()).RootElement;
            if (wanted(frame))
            {
                return frame;
            }
        }
    }

    public static bool IsPresence(JsonElement frame, string kind)
        => frame.GetProperty("type").GetString() == "presence" && frame.GetProperty("event").GetString() == kind;

    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
