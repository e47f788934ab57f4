using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using LiveTemplate.Typed.Benchmarks.Harness;
using LiveTemplate.Typed.Benchmarks.WebSockets;

namespace LiveTemplate.Typed.Benchmarks.Presence;

/// <summary>
/// The end-to-end cost of presence on a WebSocket's connect and disconnect: two pairs of the typed benchmark server on
/// one redis-server, one without presence and one tracking every connection in its group (<c>--Presence=true</c>),
/// exercised in alternating blocks, one connection at a time. Each cycle opens a socket to instance <c>i % 2</c>,
/// times the hello frame and the <c>ready</c> frame the handler sends once its connect work (the track) is done, then
/// closes it (close handshake). Each pair's CPU time over the whole run, idle gaps and the presence heartbeat included,
/// divided by its cycles is the CPU per connect + disconnect (the untrack runs on close); 200 warm-up cycles per side first.
/// </summary>
internal static class ConnectCycles
{
    private const int Block = 50;
    private const int WarmUp = 200;
    private static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(10);

    public sealed record Side(string Name, Percentiles Hello, Percentiles Ready, Percentiles Close, double CpuMicrosecondsPerCycle);

    public static async Task<(Side Off, Side On)> MeasureAsync(string endpoint, int cycles)
    {
        await using var off = await ServerPair.StartAsync(new TypedStack(), endpoint);
        await using var on = await ServerPair.StartAsync(new TypedStack(presence: true), endpoint);
        var sides = new[] { new Samples(off, cycles), new Samples(on, cycles) };
        foreach (var side in sides)
        {
            for (var i = 0; i < WarmUp; i++)
            {
                await CycleAsync(side.Pair[i], ignored: true, side, i);
            }
        }

        // Let the servers' tiered JIT finish compiling what the warm-up made hot before the CPU time counts.
        await Task.Delay(TimeSpan.FromSeconds(2));

        var cpuBefore = sides.Select(s => s.Pair.CpuTime).ToArray();
        for (var start = 0; start < cycles; start += Block)
        {
            foreach (var side in sides)
            {
                for (var i = start; i < Math.Min(start + Block, cycles); i++)
                {
                    await CycleAsync(side.Pair[i], ignored: false, side, i);
                }
            }
        }

        // Let the last untracks and closes finish before reading the CPU time.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var result = sides.Select((s, k) => s.ToSide(k == 0 ? "without presence" : "with presence", (s.Pair.CpuTime - cpuBefore[k]).TotalMicroseconds / cycles)).ToArray();
        return (result[0], result[1]);
    }

    private static async Task CycleAsync(Uri server, bool ignored, Samples into, int i)
    {
        using var socket = new ClientWebSocket();
        using var bound = new CancellationTokenSource(FrameTimeout);
        var uri = new UriBuilder(server) { Scheme = "ws", Path = "/live/connect" + (i % 10).ToString(CultureInfo.InvariantCulture) }.Uri;
        var buffer = new byte[4096];
        var start = Stopwatch.GetTimestamp();
        await socket.ConnectAsync(uri, bound.Token);
        await ExpectAsync(socket, buffer, "\"hello\"", bound.Token);
        var hello = Stopwatch.GetTimestamp();
        await ExpectAsync(socket, buffer, "\"ready\"", bound.Token);
        var ready = Stopwatch.GetTimestamp();
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", bound.Token);
        var closed = Stopwatch.GetTimestamp();
        if (!ignored)
        {
            into.Add(i, hello - start, ready - start, closed - ready);
        }
    }

    private static async Task ExpectAsync(ClientWebSocket socket, byte[] buffer, string marker, CancellationToken ct)
    {
        var result = await socket.ReceiveAsync(buffer, ct);
        var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
        if (result.MessageType != WebSocketMessageType.Text || !result.EndOfMessage || !text.Contains(marker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Expected a {marker} frame, got: {text}");
        }
    }

    private sealed class Samples(ServerPair pair, int cycles)
    {
        private readonly long[] _hello = new long[cycles];
        private readonly long[] _ready = new long[cycles];
        private readonly long[] _close = new long[cycles];

        public ServerPair Pair => pair;

        public void Add(int i, long hello, long ready, long close) => (_hello[i], _ready[i], _close[i]) = (hello, ready, close);

        public Side ToSide(string name, double cpu) => new(name, Percentiles.Of(_hello), Percentiles.Of(_ready), Percentiles.Of(_close), cpu);
    }
}
