using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Testing;

/// <summary>
/// A real <c>redis-server</c> process on a free loopback port, owned by one test (or class), so that the test
/// can stop it, kill it and start it again on the same port. No persistence; nothing outside 127.0.0.1.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private readonly string _executable;
    private readonly string[] _extraArguments;
    private readonly DirectoryInfo _directory = System.IO.Directory.CreateTempSubdirectory("ltt-redis-");
    private Process? _process;

    private RedisServer(int port, string executable, string[] extraArguments)
    {
        Port = port;
        _executable = executable;
        _extraArguments = extraArguments;
    }

    /// <summary>The loopback port the server listens on (kept across restarts).</summary>
    public int Port { get; }

    /// <summary><c>127.0.0.1:port</c>.</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a server on a free port (pass <paramref name="startNow"/> false to only reserve the port).</summary>
    public static async Task<RedisServer> StartAsync(bool startNow = true, params string[] extraArguments)
    {
        var server = new RedisServer(Processes.FreePort.Next(), FindExecutable(), extraArguments);
        if (startNow)
        {
            await server.StartAgainAsync().ConfigureAwait(false);
        }

        return server;
    }

    /// <summary>Starts the process on <see cref="Port"/> and waits until it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("redis-server is already running.");
        }

        var info = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes", "--loglevel", "warning", "--dir", _directory.FullName }.Concat(_extraArguments))
        {
            info.ArgumentList.Add(argument);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {_executable}.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAnsweringAsync().ConfigureAwait(false);
    }

    /// <summary>Kills the process (SIGKILL: no goodbye to clients) and waits for it to exit.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process && !process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(StartTimeout).ConfigureAwait(false);
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Kills the server and starts it again on the same port.</summary>
    public async Task RestartAsync()
    {
        await KillAsync().ConfigureAwait(false);
        await StartAgainAsync().ConfigureAwait(false);
    }

    /// <summary>A multiplexer the way an application should configure one: it does not give up when Redis is down.</summary>
    public Task<ConnectionMultiplexer> ConnectAsync(string? extraConfiguration = null)
    {
        var options = ConfigurationOptions.Parse($"{Endpoint},abortConnect=false,connectTimeout=2000,syncTimeout=3000,asyncTimeout=3000,connectRetry=1{(extraConfiguration is null ? string.Empty : "," + extraConfiguration)}");
        options.ReconnectRetryPolicy = new LinearRetry(250);
        return ConnectionMultiplexer.ConnectAsync(options);
    }

    /// <summary>Stops the process (SIGSTOP) without closing its sockets: clients see a server that does not answer.</summary>
    public void Pause() => Signal("STOP");

    /// <summary>Lets a paused process run again (SIGCONT).</summary>
    public void Resume() => Signal("CONT");

    /// <summary>The process id, while it runs.</summary>
    public int? ProcessId => IsRunning ? _process!.Id : null;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, (ProcessId ?? throw new InvalidOperationException("redis-server is not running.")).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = Stopwatch.StartNew();
        Exception? last = null;
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited at start-up (code {_process?.ExitCode}); is port {Port} free?");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port).ConfigureAwait(false);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray()).ConfigureAwait(false);
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
            {
                last = ex;
            }

            await Task.Delay(25).ConfigureAwait(false);
        }

        throw new TimeoutException($"redis-server on port {Port} did not answer PING within {StartTimeout}.", last);
    }

    private static string FindExecutable()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Append("/usr/bin").Append("/usr/local/bin"))
        {
            var candidate = Path.Combine(directory, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("redis-server is not installed; run ./eng/test.sh, which installs it (Debian package redis-server).");
    }
}
