using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using LiveTemplate.Typed.AspNetCore.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveTemplate.Typed.AspNetCore.Tests.Sessions;

/// <summary>
/// The frame sender between Hold and Flush, over a real WebSocket pair on a loopback TCP connection: a browser that
/// takes batches gets the held frames as one WebSocket message, each frame ended by 0x1E, never one larger than the
/// batch bound; a browser that does not gets one message per frame as before.
/// </summary>
public sealed class FrameSenderBatchTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private TcpListener? _listener;
    private TcpClient? _client;
    private Socket? _accepted;
    private WebSocket _server = null!;
    private WebSocket _browser = null!;

    public async Task InitializeAsync()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _client = new TcpClient();
        var accepting = _listener.AcceptSocketAsync();
        await _client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)_listener.LocalEndpoint).Port);
        _accepted = await accepting;
        _server = WebSocket.CreateFromStream(new NetworkStream(_accepted, ownsSocket: false), new WebSocketCreationOptions { IsServer = true });
        _browser = WebSocket.CreateFromStream(_client.GetStream(), new WebSocketCreationOptions { IsServer = false });
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        _browser.Dispose();
        _accepted?.Dispose();
        _client?.Dispose();
        _listener?.Stop();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Frames_held_for_a_batching_browser_arrive_as_one_message_each_frame_ended_by_0x1E()
    {
        var sender = Sender(batches: true);
        sender.Hold();
        await sender.SendAsync(1, WriteNumber, CancellationToken.None);
        await sender.SendEncodedAsync(Encoding.UTF8.GetBytes("""{"n":2}"""), CancellationToken.None);
        await sender.SendAsync(3, WriteNumber, CancellationToken.None);
        await sender.FlushAsync();
        await sender.SendAsync(4, WriteNumber, CancellationToken.None); // after the flush: at once, alone

        Assert.Equal("{\"n\":1}\u001e{\"n\":2}\u001e{\"n\":3}\u001e", await ReceiveAsync());
        Assert.Equal("""{"n":4}""", await ReceiveAsync());
        Assert.Equal(4, sender.FramesSent);
    }

    [Fact]
    public async Task A_browser_that_does_not_batch_gets_one_message_per_frame_even_while_held()
    {
        var sender = Sender(batches: false);
        sender.Hold();
        await sender.SendAsync(1, WriteNumber, CancellationToken.None);
        await sender.SendAsync(2, WriteNumber, CancellationToken.None);
        await sender.FlushAsync();

        Assert.Equal("""{"n":1}""", await ReceiveAsync());
        Assert.Equal("""{"n":2}""", await ReceiveAsync());
    }

    [Fact]
    public async Task A_held_frame_carries_the_stamp_set_when_it_was_sent()
    {
        var sender = Sender(batches: true);
        sender.Hold();
        sender.Stamp = Encoding.UTF8.GetBytes(""","stream":"group-action","pos":"e:7" """.TrimEnd());
        await sender.SendEncodedAsync(Encoding.UTF8.GetBytes("""{"n":1}"""), CancellationToken.None);
        sender.Stamp = null;
        await sender.SendAsync(2, WriteNumber, CancellationToken.None);
        await sender.FlushAsync();

        Assert.Equal("{\"n\":1,\"stream\":\"group-action\",\"pos\":\"e:7\"}\u001e{\"n\":2}\u001e", await ReceiveAsync());
    }

    [Fact]
    public async Task A_batch_is_sent_before_it_outgrows_its_bound_and_a_frame_larger_than_any_batch_goes_alone_in_order()
    {
        var sender = Sender(batches: true);
        var frames = new List<string>();
        sender.Hold();
        foreach (var size in new[] { 9_000, 9_000, 9_000, 9_000, 40_000, 100, 9_000 })
        {
            frames.Add($$"""{"n":{{frames.Count}},"pad":"{{new string('x', size)}}"}""");
            await sender.SendEncodedAsync(Encoding.UTF8.GetBytes(frames[^1]), CancellationToken.None);
        }

        await sender.FlushAsync();
        var messages = new List<string>();
        while (messages.Sum(m => m.Split('\u001e', StringSplitOptions.RemoveEmptyEntries).Length) < frames.Count)
        {
            messages.Add(await ReceiveAsync());
        }

        Assert.Equal(frames, messages.SelectMany(m => m.Split('\u001e', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains(frames[4], messages); // alone: no end byte, the message is the frame
        Assert.All(messages.Where(m => m != frames[4]), m => Assert.InRange(Encoding.UTF8.GetByteCount(m), 1, 32 * 1024));
        Assert.True(messages.Count is >= 3 and < 7, $"{messages.Count} messages for 7 frames");
    }

    [Fact]
    public async Task Closing_sends_the_held_frames_before_the_close()
    {
        var sender = Sender(batches: true);
        sender.Hold();
        await sender.SendAsync(1, WriteNumber, CancellationToken.None);
        await sender.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", Timeout);

        Assert.Equal("{\"n\":1}\u001e", await ReceiveAsync());
        var buffer = new byte[64];
        var close = await _browser.ReceiveAsync(buffer, new CancellationTokenSource(Timeout).Token);
        Assert.Equal((WebSocketMessageType.Close, WebSocketCloseStatus.NormalClosure), (close.MessageType, close.CloseStatus));
    }

    private FrameSender Sender(bool batches) => new(_server, Timeout, NullLogger.Instance, "c1", batches);

    private static void WriteNumber(Utf8JsonWriter writer, int n)
    {
        writer.WriteStartObject();
        writer.WriteNumber("n"u8, n);
        writer.WriteEndObject();
    }

    private async Task<string> ReceiveAsync()
    {
        using var bound = new CancellationTokenSource(Timeout);
        var buffer = new byte[128 * 1024];
        var count = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await _browser.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), bound.Token);
            Assert.Equal(WebSocketMessageType.Text, result.MessageType);
            count += result.Count;
        }
        while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(buffer, 0, count);
    }
}
