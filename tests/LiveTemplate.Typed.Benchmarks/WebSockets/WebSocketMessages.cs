using System.Net.WebSockets;

namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>Reads whole WebSocket messages off a client socket until the server closes it or it breaks, and closes it.</summary>
public static class WebSocketMessages
{
    /// <summary>What is done with one message (valid only during the call).</summary>
    public delegate void Handler(ReadOnlySpan<byte> message);

    /// <summary>Hands every whole message to <paramref name="handler"/> (the buffer starts at <paramref name="bufferBytes"/> and grows for a larger one); returns at the close.</summary>
    public static async Task ReadAllAsync(ClientWebSocket socket, int bufferBytes, Handler handler)
    {
        var buffer = new byte[bufferBytes];
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    count += result.Count;
                    if (!result.EndOfMessage && count == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2); // a message is never cut: a batch may be larger than a frame
                    }
                }
                while (!result.EndOfMessage);

                handler(buffer.AsSpan(0, count));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Closed under us: the run is over.
        }
    }

    /// <summary>Closes <paramref name="socket"/> (when open), waits for its <paramref name="reading"/> to see the close, aborts it when either takes longer than <paramref name="timeout"/>, and disposes it.</summary>
    public static async ValueTask CloseAsync(ClientWebSocket socket, Task reading, TimeSpan timeout)
    {
        try
        {
            using var bound = new CancellationTokenSource(timeout);
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", bound.Token).ConfigureAwait(false);
            }

            await reading.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException)
        {
            socket.Abort();
        }

        socket.Dispose();
    }
}
