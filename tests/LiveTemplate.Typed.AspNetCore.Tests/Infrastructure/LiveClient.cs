using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A browser stand-in: a <see cref="ClientWebSocket"/> that reads every frame into a queue in the background, so a
/// test awaits the next frame (bounded) and the close the server sent.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket;
    private readonly Channel<Frame> _frames = Channel.CreateUnbounded<Frame>();
    private readonly TaskCompletionSource<(WebSocketCloseStatus? Status, string? Reason)> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reading;
    private int _messages;

    private LiveClient(ClientWebSocket socket)
    {
        _socket = socket;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>The server's first frame.</summary>
    public Frame Hello { get; private set; } = null!;

    public string ConnectionId => Hello.Get("connectionId")!;

    /// <summary>True once the server's close frame arrived or the socket broke.</summary>
    public bool IsClosed => _closed.Task.IsCompleted;

    public IReadOnlyDictionary<string, IEnumerable<string>>? ResponseHeaders => _socket.HttpResponseHeaders;

    /// <summary>The subprotocol the server chose (<c>livetemplate.batch</c> when it was offered), or null.</summary>
    public string? SubProtocol => _socket.SubProtocol;

    /// <summary>WebSocket messages received so far (each one frame, or with the batch subprotocol one or more).</summary>
    public int Messages => Volatile.Read(ref _messages);

    /// <summary>Offers the batch subprotocol: the server may then send several frames per WebSocket message, each ended by 0x1E.</summary>
    public static void OfferBatches(ClientWebSocketOptions options) => options.AddSubProtocol("livetemplate.batch");

    public static async Task<LiveClient> ConnectAsync(Uri uri, CookieContainer? cookies = null, Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = Create(cookies, configure);
        using var bound = new CancellationTokenSource(Timeout);
        await socket.ConnectAsync(uri, bound.Token);
        var client = new LiveClient(socket);
        client.Hello = await client.NextAsync("hello");
        Assert.Equal("hello", client.Hello.Type);
        return client;
    }

    /// <summary>Connects expecting the server to refuse the upgrade; returns the HTTP status it answered.</summary>
    public static async Task<HttpStatusCode> RefusedAsync(Uri uri, CookieContainer? cookies = null, Action<ClientWebSocketOptions>? configure = null)
    {
        using var socket = Create(cookies, configure);
        using var bound = new CancellationTokenSource(Timeout);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, bound.Token));
        return socket.HttpStatusCode;
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public Task SendActionAsync(string action, string dataJson) => SendAsync($$"""{"action":"{{action}}","data":{{dataJson}}}""");

    public async Task SendAsync(byte[] bytes, WebSocketMessageType type)
    {
        using var bound = new CancellationTokenSource(Timeout);
        await _socket.SendAsync(bytes, type, endOfMessage: true, bound.Token);
    }

    /// <summary>Sends one text message as several WebSocket fragments (continuation frames), one per part.</summary>
    public async Task SendFragmentsAsync(params string[] parts)
    {
        using var bound = new CancellationTokenSource(Timeout);
        for (var i = 0; i < parts.Length; i++)
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(parts[i]), WebSocketMessageType.Text, endOfMessage: i == parts.Length - 1, bound.Token);
        }
    }

    /// <summary>The next frame, failing after <see cref="Timeout"/> or when the server closed first.</summary>
    public async Task<Frame> NextAsync(string? what = null)
    {
        try
        {
            return await _frames.Reader.NextAsync(Timeout, what);
        }
        catch (ChannelClosedException)
        {
            var (status, reason) = await _closed.Task;
            throw new InvalidOperationException($"The connection closed ({status} {reason}) while waiting for {what ?? "a frame"}.");
        }
    }

    /// <summary>The close status and reason the server sent (null status when the socket just broke).</summary>
    public Task<(WebSocketCloseStatus? Status, string? Reason)> ClosedAsync() => _closed.Task.WaitAsync(Timeout);

    /// <summary>Every frame still queued, once the server has closed.</summary>
    public async Task<List<Frame>> FramesUntilClosedAsync()
    {
        await ClosedAsync();
        var frames = new List<Frame>();
        while (_frames.Reader.TryRead(out var frame))
        {
            frames.Add(frame);
        }

        return frames;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var bound = new CancellationTokenSource(Timeout);
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", bound.Token);
            }
            catch (WebSocketException)
            {
            }
        }

        await _reading.WaitAsync(Timeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
    }

    private static ClientWebSocket Create(CookieContainer? cookies, Action<ClientWebSocketOptions>? configure)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.Cookies = cookies;
        configure?.Invoke(socket.Options);
        return socket;
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _closed.TrySetResult((result.CloseStatus, result.CloseStatusDescription));
                        await AnswerCloseAsync();
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                // Without the batch subprotocol a message is exactly one frame: a batch would fail to parse here.
                Interlocked.Increment(ref _messages);
                var text = Encoding.UTF8.GetString(message.ToArray());
                foreach (var frame in _socket.SubProtocol == "livetemplate.batch" ? text.Split('\u001e', StringSplitOptions.RemoveEmptyEntries) : [text])
                {
                    _frames.Writer.TryWrite(Frame.Parse(frame));
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            _closed.TrySetResult((null, ex.Message));
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }

    private async Task AnswerCloseAsync()
    {
        if (_socket.State != WebSocketState.CloseReceived)
        {
            return;
        }

        using var bound = new CancellationTokenSource(Timeout);
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, bound.Token);
        }
        catch (WebSocketException)
        {
        }
    }
}
