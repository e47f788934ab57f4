using System.Net.WebSockets;
using System.Text;

namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>
/// One raw WebSocket client in a group, beside the measured ones, that counts what reaches it: WebSocket messages, and
/// the deliveries in them (a stack may put several of its protocol's messages into one WebSocket message: SignalR's
/// JSON protocol ends each with 0x1E and its server sends whatever is queued for a connection at once). Counting
/// starts at <see cref="Start"/>; the figures are read after a closed loop ran.
/// </summary>
public sealed class FrameObserver : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ClientWebSocket _socket;
    private readonly byte? _separator;
    private readonly byte[] _delivery;
    private readonly Task _reading;
    private volatile bool _counting;
    private long _messages;
    private long _deliveries;

    private FrameObserver(ClientWebSocket socket, byte? separator, byte[] delivery)
    {
        (_socket, _separator, _delivery) = (socket, separator, delivery);
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>WebSocket messages received since <see cref="Start"/>.</summary>
    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Deliveries (records holding <c>delivery</c>) received since <see cref="Start"/>.</summary>
    public long Deliveries => Interlocked.Read(ref _deliveries);

    /// <summary>
    /// Opens the socket, sends <paramref name="opening"/> (a handshake or a subscribe frame, if any) and reads until a
    /// message holding <paramref name="ready"/> came; then counts records (split at <paramref name="separator"/>, or one
    /// per message without one) that hold <paramref name="delivery"/>. Offers <paramref name="subProtocol"/>, if any.
    /// </summary>
    public static async Task<FrameObserver> ConnectAsync(Uri uri, string? opening, string ready, byte? separator, string delivery, CancellationToken ct, string? subProtocol = null)
    {
        var socket = new ClientWebSocket();
        if (subProtocol is not null)
        {
            socket.Options.AddSubProtocol(subProtocol);
        }

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(Timeout);
        await socket.ConnectAsync(uri, bound.Token).ConfigureAwait(false);
        if (opening is not null)
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(opening), WebSocketMessageType.Text, endOfMessage: true, bound.Token).ConfigureAwait(false);
        }

        var buffer = new byte[4096];
        for (var frames = 0; ; frames++)
        {
            var received = await socket.ReceiveAsync(buffer, bound.Token).ConfigureAwait(false);
            if (Encoding.UTF8.GetString(buffer, 0, received.Count).Contains(ready, StringComparison.Ordinal))
            {
                break;
            }

            if (frames == 8)
            {
                throw new InvalidOperationException($"The server did not send {ready} within 8 frames.");
            }
        }

        return new FrameObserver(socket, separator, Encoding.UTF8.GetBytes(delivery));
    }

    /// <summary>Zeroes the counts and starts counting.</summary>
    public void Start()
    {
        Interlocked.Exchange(ref _messages, 0);
        Interlocked.Exchange(ref _deliveries, 0);
        _counting = true;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _counting = false;
        return WebSocketMessages.CloseAsync(_socket, _reading, Timeout);
    }

    private Task ReadAsync() => WebSocketMessages.ReadAllAsync(_socket, 64 * 1024, message =>
    {
        if (_counting)
        {
            Interlocked.Increment(ref _messages);
            Interlocked.Add(ref _deliveries, CountDeliveries(message));
        }
    });

    private int CountDeliveries(ReadOnlySpan<byte> message)
    {
        if (_separator is not { } separator)
        {
            return message.IndexOf(_delivery) >= 0 ? 1 : 0;
        }

        var found = 0;
        foreach (var range in message.Split(separator))
        {
            if (message[range].IndexOf(_delivery) >= 0)
            {
                found++;
            }
        }

        return found;
    }
}
