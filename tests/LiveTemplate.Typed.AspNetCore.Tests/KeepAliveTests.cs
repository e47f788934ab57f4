using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>
/// <c>KeepAliveInterval</c> and <c>KeepAliveTimeout</c> (aspnetcore.md): the server pings a browser at the interval and
/// aborts one that leaves a ping unanswered for the timeout; a timeout of zero sends unsolicited pongs, an interval of
/// zero nothing. Read on the wire by a client of raw frames, since a WebSocket client answers pings without showing them.
/// </summary>
public sealed class KeepAliveTests
{
    private const int Text = 0x1;
    private const int Ping = 0x9;
    private const int Pong = 0xA;

    [Fact]
    public async Task A_browser_is_pinged_at_the_KeepAliveInterval_and_one_that_answers_stays_connected()
    {
        await using var app = await StartAsync(interval: TimeSpan.FromMilliseconds(200), timeout: TimeSpan.FromSeconds(1));
        using var socket = await RawSocket.UpgradeAsync(app, "/boards/answering");

        // Ten pings 200 ms apart, each answered: two seconds, twice the timeout, and still open (the WebSocket may also
        // send an unsolicited pong while a ping's answer is on its way).
        var pings = await socket.CountAsync(Ping, 10, answerPings: true, alsoAllowed: Pong);

        Assert.Equal(10, pings);
        Assert.DoesNotContain(socket.ConnectionId, app.Probe.Disconnected);
    }

    [Fact]
    public async Task A_browser_that_leaves_a_ping_unanswered_for_the_KeepAliveTimeout_is_aborted_and_leaves_with_warning_118()
    {
        await using var app = await StartAsync(interval: TimeSpan.FromMilliseconds(200), timeout: TimeSpan.FromMilliseconds(500));
        using var socket = await RawSocket.UpgradeAsync(app, "/boards/gone");
        var stopwatch = Stopwatch.StartNew();

        // A browser whose network went away: it reads (the kernel still takes the bytes) but never answers.
        await socket.ReadUntilClosedAsync(LiveClient.Timeout);

        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5));
        await Eventually.UntilAsync(() => Task.FromResult(app.Probe.Disconnected.Contains(socket.ConnectionId)), LiveClient.Timeout, "OnDisconnectedAsync ran");
        var warning = Assert.Single(app.Log.Entries, e => e.EventId.Id == 118);
        Assert.Equal((Microsoft.Extensions.Logging.LogLevel.Warning, (object?)socket.ConnectionId), (warning.Level, warning.Fields["connection_id"]));
        var closed = Assert.Single(app.Log.Entries, e => e.EventId is { Id: 101, Name: "Disconnected" } && (string?)e.Fields["connection_id"] == socket.ConnectionId);
        Assert.Equal(1006, closed.Fields["close_status"]);
    }

    [Fact]
    public async Task A_WebSocket_client_that_reads_answers_the_pings_itself_and_stays_connected_past_the_timeout()
    {
        await using var app = await StartAsync(interval: TimeSpan.FromMilliseconds(100), timeout: TimeSpan.FromMilliseconds(300));
        await using var client = await LiveClient.ConnectAsync(app.Board("reading"));

        // Five timeouts long (its reads answer the pings), then a message still reaches it, and nothing came before it.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await Absence.ProveAsync(client, app.Broadcaster, new GroupId("board:reading"));
        Assert.DoesNotContain(app.Log.Entries, e => e.EventId.Id == 118);
    }

    [Fact]
    public async Task A_KeepAliveTimeout_of_zero_sends_unsolicited_pongs_that_need_no_answer()
    {
        await using var app = await StartAsync(interval: TimeSpan.FromMilliseconds(200), timeout: TimeSpan.Zero);
        using var socket = await RawSocket.UpgradeAsync(app, "/boards/ponged");

        // Ten keep-alive frames, none answered, and no ping among them.
        var pongs = await socket.CountAsync(Pong, 10, answerPings: false);

        Assert.Equal(10, pongs);
        Assert.DoesNotContain(socket.ConnectionId, app.Probe.Disconnected);
    }

    [Fact]
    public async Task A_KeepAliveInterval_of_zero_sends_no_keep_alive_frame_whatever_the_timeout()
    {
        await using var app = await StartAsync(interval: TimeSpan.Zero, timeout: TimeSpan.FromMilliseconds(100));
        using var socket = await RawSocket.UpgradeAsync(app, "/boards/quiet");

        // Five times the interval the other tests see a frame in: nothing comes after the hello, and nobody is aborted.
        var opcodes = await socket.OpcodesWithinAsync(TimeSpan.FromSeconds(1));

        Assert.Empty(opcodes);
        Assert.DoesNotContain(socket.ConnectionId, app.Probe.Disconnected);
    }

    private static Task<TestApp> StartAsync(TimeSpan interval, TimeSpan timeout) => TestApp.StartAsync(configure: o =>
    {
        o.KeepAliveInterval = interval;
        o.KeepAliveTimeout = timeout;
    });

    /// <summary>A WebSocket client that reads frames as they come (server frames are unmasked) and answers only when told.</summary>
    private sealed class RawSocket : IDisposable
    {
        private readonly TcpClient _tcp;
        private readonly NetworkStream _stream;

        private RawSocket(TcpClient tcp)
        {
            _tcp = tcp;
            _stream = tcp.GetStream();
        }

        public string ConnectionId { get; private set; } = string.Empty;

        /// <summary>Upgrades <paramref name="path"/> and reads the hello.</summary>
        public static async Task<RawSocket> UpgradeAsync(TestApp app, string path)
        {
            var tcp = new TcpClient();
            await tcp.ConnectAsync(app.BaseUri.Host, app.BaseUri.Port);
            var socket = new RawSocket(tcp);
            var request = $"GET {path} HTTP/1.1\r\nHost: {app.BaseUri.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
            await socket._stream.WriteAsync(Encoding.ASCII.GetBytes(request));
            Assert.StartsWith("HTTP/1.1 101", await socket.ReadHeadAsync(), StringComparison.Ordinal);

            var (opcode, hello) = await socket.NextFrameAsync(LiveClient.Timeout);
            Assert.Equal(Text, opcode);
            socket.ConnectionId = JsonDocument.Parse(hello).RootElement.GetProperty("connectionId").GetString()!;
            return socket;
        }

        /// <summary>
        /// Reads frames until <paramref name="count"/> of <paramref name="opcode"/> came, answering pings when told; any
        /// other frame than those and <paramref name="alsoAllowed"/> fails.
        /// </summary>
        public async Task<int> CountAsync(int opcode, int count, bool answerPings, int? alsoAllowed = null)
        {
            var seen = 0;
            for (var frames = 0; seen < count; frames++)
            {
                Assert.True(frames < 3 * count, $"{seen} of {count} frames 0x{opcode:X} in {frames}");
                var (next, payload) = await NextFrameAsync(LiveClient.Timeout);
                Assert.True(next == opcode || next == alsoAllowed, $"frame {frames + 1}: opcode 0x{next:X} where 0x{opcode:X} was expected ({Encoding.UTF8.GetString(payload)})");
                seen += next == opcode ? 1 : 0;
                if (next == Ping && answerPings)
                {
                    await SendPongAsync(payload);
                }
            }

            return seen;
        }

        /// <summary>Reads, never answering, until the server ends the connection.</summary>
        public async Task ReadUntilClosedAsync(TimeSpan timeout)
        {
            using var bound = new CancellationTokenSource(timeout);
            var buffer = new byte[1024];
            try
            {
                while (await _stream.ReadAsync(buffer, bound.Token) > 0)
                {
                }
            }
            catch (IOException)
            {
                // Aborted: a reset rather than an orderly end.
            }
        }

        /// <summary>Every frame's opcode until <paramref name="window"/> has passed.</summary>
        public async Task<List<int>> OpcodesWithinAsync(TimeSpan window)
        {
            var opcodes = new List<int>();
            var stopwatch = Stopwatch.StartNew();
            while (stopwatch.Elapsed < window)
            {
                try
                {
                    opcodes.Add((await NextFrameAsync(window - stopwatch.Elapsed)).Opcode);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            return opcodes;
        }

        public void Dispose() => _tcp.Dispose();

        private async Task<(int Opcode, byte[] Payload)> NextFrameAsync(TimeSpan timeout)
        {
            using var bound = new CancellationTokenSource(timeout);
            var head = await ReadAsync(2, bound.Token);
            long length = head[1] & 0x7F;
            if (length >= 126)
            {
                var extended = await ReadAsync(length == 126 ? 2 : 8, bound.Token);
                length = extended.Aggregate(0L, (value, b) => (value << 8) | b);
            }

            return (head[0] & 0x0F, await ReadAsync(checked((int)length), bound.Token));
        }

        // A client's frames are masked (RFC 6455 5.3); a pong carries the ping's payload back.
        private async Task SendPongAsync(byte[] payload)
        {
            Assert.InRange(payload.Length, 0, 125);
            var mask = new byte[] { 0x12, 0x34, 0x56, 0x78 };
            var frame = new byte[6 + payload.Length];
            frame[0] = 0x80 | Pong;
            frame[1] = (byte)(0x80 | payload.Length);
            mask.CopyTo(frame, 2);
            for (var i = 0; i < payload.Length; i++)
            {
                frame[6 + i] = (byte)(payload[i] ^ mask[i % 4]);
            }

            await _stream.WriteAsync(frame);
        }

        private async Task<string> ReadHeadAsync()
        {
            using var bound = new CancellationTokenSource(LiveClient.Timeout);
            var head = new StringBuilder();
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                Assert.True(head.Length < 8192, "the upgrade response's head is over 8 KiB");
                head.Append((char)(await ReadAsync(1, bound.Token))[0]);
            }

            return head.ToString();
        }

        private async Task<byte[]> ReadAsync(int count, CancellationToken ct)
        {
            var buffer = new byte[count];
            await _stream.ReadExactlyAsync(buffer, ct);
            return buffer;
        }
    }
}
