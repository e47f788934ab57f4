using System.Diagnostics;
using System.Threading.Channels;
using LiveTemplate.Typed.Testing.Processes;

namespace LiveTemplate.Typed.Generators.Tests.Infrastructure;

/// <summary>
/// A real Go instance on the test's Redis: <c>GoPeer/peer.go</c>, built and run with the Go toolchain (./eng/test.sh
/// installs Debian's golang-go), publishes and decodes envelopes with encoding/json and livetemplate-shaped structs.
/// Commands and the lines it prints are described in peer.go; every wait is bounded.
/// </summary>
public sealed class GoPeer : IAsyncDisposable
{
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(10);
    private readonly Process _process;
    private readonly DirectoryInfo _work;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly Channel<string> _messages = Channel.CreateUnbounded<string>();

    private GoPeer(Process process, DirectoryInfo work)
    {
        _process = process;
        _work = work;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
                _messages.Writer.TryComplete();
            }
            else
            {
                (e.Data.StartsWith("MSG ", StringComparison.Ordinal) ? _messages : _lines).Writer.TryWrite(e.Data);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _lines.Writer.TryWrite("STDERR " + e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Builds and starts the peer as the Go instance <paramref name="instanceId"/> on the Redis at <paramref name="redisEndpoint"/>.</summary>
    public static async Task<GoPeer> StartAsync(string redisEndpoint, string instanceId)
    {
        var go = GoToolchain.Go;
        var work = Directory.CreateTempSubdirectory("ltt-go-peer-");
        var binary = Path.Combine(work.FullName, "peer");
        var build = Start(go, work, "build", "-o", binary, Path.Combine(AppContext.BaseDirectory, "GoPeer", "peer.go"));
        var buildErrors = build.StandardError.ReadToEndAsync();
        await build.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("go build of peer.go failed: " + await buildErrors);
        }

        return new GoPeer(Start(binary, work, redisEndpoint, instanceId), work);
    }

    /// <summary>Sends one command (its fields joined by tabs).</summary>
    public async Task SendAsync(params string[] fields)
    {
        await _process.StandardInput.WriteLineAsync(string.Join('\t', fields));
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>The next message the peer received ("MSG " and what Go decoded), within ten seconds.</summary>
    public Task<string> NextMessageAsync() => NextAsync(_messages.Reader);

    /// <summary>The next line the peer prints that is not a received message (a reply or an error), within ten seconds.</summary>
    public Task<string> NextLineAsync() => NextAsync(_lines.Reader);

    private static async Task<string> NextAsync(ChannelReader<string> lines)
    {
        using var timeout = new CancellationTokenSource(LineTimeout);
        try
        {
            return await lines.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The Go peer printed nothing within {LineTimeout.TotalSeconds} s.");
        }
    }

    /// <summary>Subscribes the peer to <paramref name="channel"/> and waits until Redis confirms it.</summary>
    public async Task SubscribeAsync(string channel)
    {
        await SendAsync("SUB", channel);
        Assert.Equal("SUBSCRIBED " + channel, await NextLineAsync());
    }

    /// <summary>Publishes one action as Go would and returns how many subscribers Redis delivered it to.</summary>
    public async Task<int> PublishAsync(string type, string scope, string action, string data, bool reordered = false)
    {
        await SendAsync(reordered ? "PUBR" : "PUB", type, scope, action, data);
        var line = await NextLineAsync();
        Assert.StartsWith("PUBLISHED ", line);
        return int.Parse(line["PUBLISHED ".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        _work.Delete(recursive: true);
    }

    private static Process Start(string file, DirectoryInfo work, params string[] arguments)
        => Process.Start(GoToolchain.StartInfo(file, work, arguments))!;
}
