using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;

namespace LiveTemplate.Typed.AspNetCore.Sessions;

/// <summary>
/// Reads a browser's frames and turns them into inbox items for the connection's event loop. It enforces the
/// size limit (close 1009) and the rate limit (error frame, then close 1008) before parsing anything. Once the
/// connection is closing it reads on, discarding, until the browser's close frame arrives.
/// </summary>
internal sealed class BrowserReceiver
{
    private const int InitialBufferBytes = 4096;

    private readonly WebSocket _socket;
    private readonly ConnectionSession _session;
    private readonly ChannelWriter<InboxItem> _inbox;
    private readonly int _maxFrameBytes;
    private readonly TokenBucket _rate;
    private readonly TimeSpan? _pingTimeout;

    public BrowserReceiver(WebSocket socket, ConnectionSession session, ChannelWriter<InboxItem> inbox, LiveTemplateOptions options)
    {
        _socket = socket;
        _session = session;
        _inbox = inbox;
        _maxFrameBytes = options.MaxFrameBytes;
        _rate = new TokenBucket(options.MessageBurst, options.MessagesPerSecond, TimeProvider.System);
        _pingTimeout = options.PingTimeout;
    }

    /// <summary>
    /// Runs until the browser closes or the socket fails; never throws. Between frames it holds no buffer: an idle
    /// connection waits with a zero-byte read, and a frame is read into a buffer rented for it alone. Aborting the socket
    /// ends it (the reads take no token, which would register one per read).
    /// </summary>
    public async Task RunAsync()
    {
        byte[]? buffer = null;
        var count = 0;
        var discarding = false;
        try
        {
            while (true)
            {
                ValueWebSocketReceiveResult result;
                if (buffer is null)
                {
                    result = await _socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferBytes, _maxFrameBytes + 1));
                    if (!result.EndOfMessage)
                    {
                        continue;
                    }
                }
                else
                {
                    if (count == buffer.Length)
                    {
                        buffer = Grow(buffer, count);
                    }

                    result = await _socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    count += result.Count;
                    if (count > _maxFrameBytes)
                    {
                        _session.RequestClose(WebSocketCloseStatus.MessageTooBig, "frame too large", new ErrorFrame(LiveErrorCodes.FrameTooLarge, $"A frame may hold at most {_maxFrameBytes} bytes."));
                        discarding = true;
                        count = 0;
                    }

                    if (!result.EndOfMessage)
                    {
                        continue;
                    }
                }

                if (!discarding && !_session.IsClosing)
                {
                    await AcceptAsync(buffer.AsMemory(0, count), result.MessageType).ConfigureAwait(false);
                }

                // The frame is handled (its data was copied out): give the buffer back until the next one arrives.
                count = 0;
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = null;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The browser went away without a close frame, or the socket was aborted: by the server, or by the keep-alive.
            if (_pingTimeout is { } timeout && await LeftAPingUnansweredAsync().ConfigureAwait(false))
            {
                _session.PingUnanswered(timeout);
            }
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            _session.BrowserLeft();
            await PostAsync(InboxItem.PeerClosed).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether the WebSocket aborted itself because a keep-alive ping went unanswered for the timeout. It keeps that
    /// failure and gives it, as the inner exception, to any call made on the socket after it: no other abort leaves one.
    /// </summary>
    private async ValueTask<bool> LeftAPingUnansweredAsync()
    {
        if (_socket.State != WebSocketState.Aborted)
        {
            return false;
        }

        try
        {
            await _socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None).ConfigureAwait(false);
            return false;
        }
        catch (Exception ex)
        {
            // Whatever another server's WebSocket throws here, the receive loop's contract (it never throws) holds.
            return ex is WebSocketException { InnerException: WebSocketException };
        }
    }

    private async ValueTask AcceptAsync(ReadOnlyMemory<byte> frame, WebSocketMessageType type)
    {
        if (!_rate.TryTake())
        {
            _session.RequestClose(WebSocketCloseStatus.PolicyViolation, "rate limit exceeded", new ErrorFrame(LiveErrorCodes.RateLimited, "Too many frames: slow down."));
            return;
        }

        if (type == WebSocketMessageType.Binary)
        {
            await PostAsync(InboxItem.Invalid(new ErrorFrame(LiveErrorCodes.MalformedFrame, "Binary frames are not supported: send JSON text."))).ConfigureAwait(false);
            return;
        }

        await PostAsync(BrowserFrame.TryParse(frame.Span, out var parsed, out var error)
            ? InboxItem.FromBrowser(parsed)
            : InboxItem.Invalid(new ErrorFrame(LiveErrorCodes.MalformedFrame, error))).ConfigureAwait(false);
    }

    private async ValueTask PostAsync(InboxItem item)
    {
        try
        {
            // Waits while the event loop is busy: a browser that sends faster than its handler runs is slowed by TCP.
            await _inbox.WriteAsync(item, _session.Stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The connection is closing: nothing more is handled.
        }
    }

    /// <summary>A larger buffer holding the first <paramref name="count"/> bytes; never beyond one byte over the limit.</summary>
    private byte[] Grow(byte[] buffer, int count)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, _maxFrameBytes + 1));
        buffer.AsSpan(0, count).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
