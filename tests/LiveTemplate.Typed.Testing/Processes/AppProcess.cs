using System.Diagnostics;
using System.Net.Http;
using System.Text;

namespace LiveTemplate.Typed.Testing.Processes;

/// <summary>
/// A server app started as a process of its own (a native executable or <c>dotnet app.dll</c>), with its output
/// kept for the failure message, its start-up time (process start to the first 200 of its readiness probe), and its
/// working set and CPU time read from the OS. Disposing kills it and its children.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly DirectoryInfo _workingDirectory;

    private AppProcess(Process process, Uri baseUri, string name, DirectoryInfo workingDirectory)
    {
        _process = process;
        BaseUri = baseUri;
        Name = name;
        _workingDirectory = workingDirectory;
    }

    /// <summary>Where the app listens (<c>http://127.0.0.1:port</c>).</summary>
    public Uri BaseUri { get; }

    /// <summary>What the app is, for messages.</summary>
    public string Name { get; }

    /// <summary>From the process start to the first 200 of the readiness probe.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Its working set now (bytes, resident memory read from the OS).</summary>
    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>Its CPU time so far (user and kernel, all threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Everything the app wrote to standard output and error so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="executable"/> (a native app, or a <c>.dll</c> run with <c>dotnet</c>) listening on a free
    /// loopback port and waits until <paramref name="readinessPath"/> answers 200, failing after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<AppProcess> StartAsync(string executable, IEnumerable<string> arguments, string readinessPath, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null, string? name = null)
    {
        var baseUri = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var isDll = executable.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        // An empty working directory of its own: the app's content root, so that no appsettings.json lying beside the
        // caller (the test output holds the sample's) configures it; its arguments and environment do.
        var workingDirectory = Directory.CreateTempSubdirectory("ltt-app-");
        var info = new ProcessStartInfo(isDll ? "dotnet" : Path.GetFullPath(executable))
        {
            WorkingDirectory = workingDirectory.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (isDll)
        {
            info.ArgumentList.Add(Path.GetFullPath(executable));
        }

        foreach (var argument in arguments.Concat(["--urls", baseUri.ToString().TrimEnd('/')]))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var app = new AppProcess(process, baseUri, name ?? Path.GetFileName(executable), workingDirectory);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilReadyAsync(readinessPath, clock, timeout).ConfigureAwait(false);
            return app;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends SIGKILL: the app dies at once, without running anything more (no shutdown, no goodbye to Redis).</summary>
    public Task KillAsync() => SignalAsync("KILL");

    /// <summary>Sends SIGSTOP: the app freezes (as in a long GC pause or a stopped VM) until <see cref="ResumeAsync"/>.</summary>
    public Task PauseAsync() => SignalAsync("STOP");

    /// <summary>Sends SIGCONT: a paused app carries on.</summary>
    public Task ResumeAsync() => SignalAsync("CONT");

    /// <summary>Sends <paramref name="signal"/> (a name as <c>kill -l</c> lists it) to the app's process, with /bin/kill.</summary>
    public async Task SignalAsync(string signal)
    {
        var info = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        info.ArgumentList.Add("-" + signal);
        info.ArgumentList.Add(Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var kill = Process.Start(info) ?? throw new InvalidOperationException("Could not start kill.");
        var error = await kill.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await kill.WaitForExitAsync().WaitAsync(ExitTimeout).ConfigureAwait(false);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {Id} failed ({kill.ExitCode}): {error}");
        }

        if (signal == "KILL")
        {
            await _process.WaitForExitAsync().WaitAsync(ExitTimeout).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(ExitTimeout).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // It had exited already.
        }
        finally
        {
            _process.Dispose();
            _workingDirectory.Delete(recursive: true);
        }
    }

    private async Task WaitUntilReadyAsync(string readinessPath, Stopwatch clock, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited at start-up with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(readinessPath, UriKind.Relative)).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    StartupTime = clock.Elapsed;
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(2).ConfigureAwait(false);
        }

        throw new TimeoutException($"{Name} did not answer 200 on {readinessPath} within {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            // Enough to say why it failed; an app that logs without end does not grow the test's memory.
            if (_output.Length < 256 * 1024)
            {
                _output.AppendLine(line);
            }
        }
    }
}
