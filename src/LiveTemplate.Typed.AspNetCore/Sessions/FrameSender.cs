using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using LiveTemplate.Typed.PubSub;
using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.AspNetCore.Sessions;

/// <summary>
/// Writes frames to one browser, one at a time (a WebSocket allows one send at once), each bounded by the send
/// timeout. A send that cannot complete aborts the socket: callers never see a dead browser as an exception.
/// Nothing here needs disposing, so a handler's late send after the connection ended is harmless: it does nothing.
/// An idle connection holds no buffer: a frame is written with a per-thread writer and sent from a pooled array.
/// A browser that asked for batches (<see cref="BatchProtocol"/>) gets the frames its event loop writes in one go
/// (<see cref="Hold"/> to <see cref="FlushAsync"/>) as one WebSocket message, each frame ended by 0x1E.
/// </summary>
internal sealed class FrameSender
{
    /// <summary>The WebSocket subprotocol a browser offers to take several frames per WebSocket message.</summary>
    public const string BatchProtocol = "livetemplate.batch";

    /// <summary>Ends each frame of a batch: a byte JSON text never holds outside a string, nor (unescaped) in one.</summary>
    public const byte FrameEnd = 0x1E;

    private const int RetainedBufferBytes = 64 * 1024;

    // A batch is sent once it would grow beyond this (a frame larger than it goes alone, after the batch).
    private const int MaxBatchBytes = 32 * 1024;

    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? t_writer;

    private readonly WebSocket _socket;
    private readonly TimeSpan _sendTimeout;
    private readonly ILogger _logger;
    private readonly string _connectionId;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly bool _batches;
    private long _sent;

    // The frames held for one WebSocket message (under _gate): a pooled array, taken with the first frame held.
    private volatile bool _holding;
    private byte[]? _batch;
    private int _batchLength;

    public FrameSender(WebSocket socket, TimeSpan sendTimeout, ILogger logger, string connectionId, bool batches = false)
    {
        _socket = socket;
        _sendTimeout = sendTimeout;
        _logger = logger;
        _connectionId = connectionId;
        _batches = batches;
    }

    /// <summary>
    /// Members added to every frame while set (<c>,"stream":…,"pos":…</c>): the event loop sets it while a positioned
    /// message's handler runs, so that the frames it sends carry the message's position.
    /// </summary>
    public byte[]? Stamp { get; set; }

    /// <summary>Frames handed to the socket so far.</summary>
    public long FramesSent => Volatile.Read(ref _sent);

    private bool CanSend => _socket.State is WebSocketState.Open or WebSocketState.CloseReceived;

    /// <summary>
    /// The message whose handler runs now, if any: a frame of the action it shares with its other connections is
    /// written once for all of them (<see cref="PubSubMessage.TryEncodeShared"/>). Set by the event loop.
    /// </summary>
    public PubSubMessage? Delivering { get; set; }

    /// <summary>
    /// Writes one frame with <paramref name="write"/> and sends it; does nothing once the socket is closing.
    /// <paramref name="ct"/> bounds only the wait for the previous send: a frame half sent cannot be taken back.
    /// </summary>
    public async ValueTask SendAsync<TState>(TState state, Action<Utf8JsonWriter, TState> write, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!CanSend)
            {
                return;
            }

            if (_holding)
            {
                ValueTask holding;
                try
                {
                    holding = HoldAsync(WrittenFrame(state, write)); // copies the frame before it returns
                }
                finally
                {
                    DropLargeBuffer();
                }

                await holding.ConfigureAwait(false);
                return;
            }

            var (frame, length) = Write(state, write, Stamp);
            await SendPooledAsync(frame, length).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Sends a frame written before (<see cref="Encode"/>), shared with other connections and never changed: as it is,
    /// or copied with the <see cref="Stamp"/>. Otherwise as <see cref="SendAsync{TState}"/>.
    /// </summary>
    public async ValueTask SendEncodedAsync(ReadOnlyMemory<byte> frame, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!CanSend)
            {
                return;
            }

            if (_holding)
            {
                await HoldAsync(frame.Span).ConfigureAwait(false);
                return;
            }

            if (Stamp is { } stamp)
            {
                var (stamped, length) = Stamped(frame.Span, stamp);
                await SendPooledAsync(stamped, length).ConfigureAwait(false);
                return;
            }

            Interlocked.Increment(ref _sent);
            await WriteAsync(frame).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// From now on, when the browser takes batches, frames wait for <see cref="FlushAsync"/> and go as one WebSocket
    /// message (or earlier, once they fill a batch). Called by the event loop only, before it runs an item.
    /// </summary>
    public void Hold() => _holding = _batches;

    /// <summary>Sends the frames held since <see cref="Hold"/>, if any, and sends each later frame at once again.</summary>
    public async ValueTask FlushAsync()
    {
        if (!_holding && _batch is null)
        {
            return;
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _holding = false;
            await SendBatchAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    // Under the gate. The frame (with the stamp's members, when set) and its end byte join the batch; a batch that
    // would grow too large is sent first, and a frame too large for any batch goes alone after it.
    private ValueTask HoldAsync(ReadOnlySpan<byte> frame)
    {
        var stamp = Stamp;
        var length = frame.Length + (stamp?.Length ?? 0) + 1;
        if (_batchLength + length <= MaxBatchBytes)
        {
            Append(frame, stamp, length);
            return ValueTask.CompletedTask;
        }

        var (copy, copied) = stamp is null ? Copy(frame) : Stamped(frame, stamp);
        return SendBatchThenAsync(copy, copied);
    }

    private async ValueTask SendBatchThenAsync(byte[] frame, int length)
    {
        await SendBatchAsync().ConfigureAwait(false);
        if (length + 1 <= MaxBatchBytes)
        {
            Append(frame.AsSpan(0, length), stamp: null, length + 1);
            ArrayPool<byte>.Shared.Return(frame);
            return;
        }

        await SendPooledAsync(frame, length).ConfigureAwait(false);
    }

    private void Append(ReadOnlySpan<byte> frame, byte[]? stamp, int length)
    {
        if (_batch is null || _batch.Length < _batchLength + length)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Max(4096, _batchLength + length));
            if (_batch is not null)
            {
                _batch.AsSpan(0, _batchLength).CopyTo(grown);
                ArrayPool<byte>.Shared.Return(_batch);
            }

            _batch = grown;
        }

        var into = _batch.AsSpan(_batchLength, length);
        if (stamp is null)
        {
            frame.CopyTo(into);
        }
        else
        {
            CopyStamped(frame, stamp, into);
        }

        into[^1] = FrameEnd;
        _batchLength += length;
        Interlocked.Increment(ref _sent);
    }

    // Under the gate: the held frames as one WebSocket message.
    private async ValueTask SendBatchAsync()
    {
        if (_batch is not { } batch)
        {
            return;
        }

        var length = _batchLength;
        (_batch, _batchLength) = (null, 0);
        try
        {
            if (CanSend)
            {
                await WriteAsync(batch.AsMemory(0, length)).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(batch);
        }
    }

    /// <summary>One frame written with <paramref name="write"/> into an array of its own, exactly as <see cref="SendAsync{TState}"/> writes it.</summary>
    public static byte[] Encode<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        try
        {
            return WriteToThreadBuffer(state, write).WrittenSpan.ToArray();
        }
        finally
        {
            DropLargeBuffer();
        }
    }

    private async ValueTask SendPooledAsync(byte[] frame, int length)
    {
        Interlocked.Increment(ref _sent);
        try
        {
            await WriteAsync(frame.AsMemory(0, length)).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    /// <summary>
    /// Writes one frame with this thread's writer (synchronously) into a pooled array of its own, for the send; with a
    /// <paramref name="stamp"/>, its members go before the frame's closing brace.
    /// </summary>
    private static (byte[] Frame, int Length) Write<TState>(TState state, Action<Utf8JsonWriter, TState> write, byte[]? stamp)
    {
        try
        {
            var written = WriteToThreadBuffer(state, write).WrittenSpan;
            if (stamp is not null)
            {
                return Stamped(written, stamp);
            }

            return Copy(written);
        }
        finally
        {
            DropLargeBuffer();
        }
    }

    // The frame in this thread's buffer, valid until the thread writes the next one (the caller copies it at once).
    private static ReadOnlySpan<byte> WrittenFrame<TState>(TState state, Action<Utf8JsonWriter, TState> write)
        => WriteToThreadBuffer(state, write).WrittenSpan;

    private static (byte[] Frame, int Length) Copy(ReadOnlySpan<byte> frame)
    {
        var copy = ArrayPool<byte>.Shared.Rent(frame.Length);
        frame.CopyTo(copy);
        return (copy, frame.Length);
    }

    /// <summary>A pooled copy of <paramref name="frame"/> with the <paramref name="stamp"/>'s members before its closing brace.</summary>
    private static (byte[] Frame, int Length) Stamped(ReadOnlySpan<byte> frame, byte[] stamp)
    {
        var stamped = ArrayPool<byte>.Shared.Rent(frame.Length + stamp.Length);
        CopyStamped(frame, stamp, stamped);
        return (stamped, frame.Length + stamp.Length);
    }

    // The frame with the stamp's members before its closing brace, at the start of into.
    private static void CopyStamped(ReadOnlySpan<byte> frame, byte[] stamp, Span<byte> into)
    {
        frame[..^1].CopyTo(into);
        stamp.CopyTo(into[(frame.Length - 1)..]);
        into[frame.Length + stamp.Length - 1] = (byte)'}';
    }

    private static ArrayBufferWriter<byte> WriteToThreadBuffer<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var (buffer, writer) = t_writer ??= NewWriter();
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        write(writer, state);
        writer.Flush();
        return buffer;
    }

    // A frame that grew the thread's buffer beyond the bound is not kept for the next one.
    private static void DropLargeBuffer()
    {
        if (t_writer is { } held && held.Buffer.Capacity > RetainedBufferBytes)
        {
            t_writer = null;
        }
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) NewWriter()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        return (buffer, new Utf8JsonWriter(buffer));
    }

    /// <summary>Sends the close frame (once the current send is done), bounded by <paramref name="timeout"/>.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string reason, TimeSpan timeout)
    {
        using var bound = new CancellationTokenSource(timeout);
        try
        {
            await _gate.WaitAsync(bound.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _socket.Abort();
            return;
        }

        try
        {
            _holding = false;
            await SendBatchAsync().ConfigureAwait(false);
            if (CanSend)
            {
                await _socket.CloseOutputAsync(status, reason, bound.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _socket.Abort();
        }
        finally
        {
            _gate.Release();
        }
    }

    // The send takes no token: the socket then takes its fast path and no timer is made per frame. Only a send that
    // has to wait for the network (the browser reads slowly) is timed, and aborted at the timeout.
    private async Task WriteAsync(ReadOnlyMemory<byte> frame)
    {
        try
        {
            var sending = _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            if (sending.IsCompletedSuccessfully)
            {
                sending.GetAwaiter().GetResult();
                return;
            }

            await BoundedAsync(sending.AsTask()).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
        {
            // The browser is gone; the receive loop sees it too and the connection ends.
            _socket.Abort();
        }
    }

    private async Task BoundedAsync(Task sending)
    {
        try
        {
            await sending.WaitAsync(_sendTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LiveLog.SendTimedOut(_logger, _connectionId, _sendTimeout);
            _socket.Abort();
            await sending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
