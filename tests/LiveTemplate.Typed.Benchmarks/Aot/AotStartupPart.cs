using LiveTemplate.Typed.Benchmarks.Harness;
using LiveTemplate.Typed.Benchmarks.WebSockets;
using LiveTemplate.Typed.Testing;
using LiveTemplate.Typed.Testing.Aot;
using LiveTemplate.Typed.Testing.Processes;

namespace LiveTemplate.Typed.Benchmarks.Aot;

/// <summary>
/// Native AOT against the JIT (issue 16, part 4): the proof app's native publish and its Release JIT build (run with
/// <c>dotnet</c>), started in turn on one redis-server: time from the process start to the first 200 of the readiness
/// probe, and working set at that moment and with 100 open WebSocket connections.
/// </summary>
public static class AotStartupPart
{
    private const int Connections = 100;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Publishes (or reuses the cached publish of) the proof app, then measures both builds.</summary>
    public static async Task RunAsync(Report report, RunSettings settings, string redisEndpoint)
    {
        report.Heading("Native AOT against the JIT: the proof app's start-up and memory");
        report.Note($"Start: {MachineLoad.Describe()}.");
        var build = await AotPublish.EnsureAsync(RepositoryRoot.Path).ConfigureAwait(false);
        report.Note($"Native AOT publish: {build.PublishTime.TotalSeconds:0} s{(build.FromCache ? " (published by an earlier run of this checkout and reused)" : string.Empty)}; executable {new FileInfo(build.Executable).Length / 1048576.0:0.0} MiB; {build.Warnings.Count} trim/AOT warnings, {build.Warnings.Count(w => w.IsOurs)} from our code.");
        var jit = Path.Combine(RepositoryRoot.Path, "tests", "LiveTemplate.Typed.AotProof", "bin", ServerBuild.Configuration, "net10.0", "LiveTemplate.Typed.AotProof.dll");
        var rounds = settings.Quick ? 3 : 7;
        var aotRuns = new List<StartupSample>();
        var jitRuns = new List<StartupSample>();
        for (var i = 0; i < rounds; i++)
        {
            // In turn, so that a busy moment of the machine falls on both.
            aotRuns.Add(await MeasureAsync(build.Executable, redisEndpoint).ConfigureAwait(false));
            jitRuns.Add(await MeasureAsync(jit, redisEndpoint).ConfigureAwait(false));
        }

        var (a, j) = (StartupSample.Median(aotRuns), StartupSample.Median(jitRuns));
        report.Table(["metric (median of " + rounds + " starts)", "Native AOT", "JIT", "AOT / JIT"],
        [
            ["start-up: process start to readiness 200, ms", Report.Number(a.Startup.TotalMilliseconds), Report.Number(j.Startup.TotalMilliseconds), Report.Ratio(a.Startup.TotalMilliseconds, j.Startup.TotalMilliseconds)],
            ["working set when ready, MiB", Report.Number(a.ReadyBytes / 1048576.0, 1), Report.Number(j.ReadyBytes / 1048576.0, 1), Report.Ratio(a.ReadyBytes, j.ReadyBytes)],
            [$"working set with {Connections} open connections, MiB", Report.Number(a.ConnectedBytes / 1048576.0, 1), Report.Number(j.ConnectedBytes / 1048576.0, 1), Report.Ratio(a.ConnectedBytes, j.ConnectedBytes)],
        ]);
        report.Note($"End: {MachineLoad.Describe()}.");
    }

    private static async Task<StartupSample> MeasureAsync(string executable, string redisEndpoint)
    {
        await using var app = await AppProcess.StartAsync(executable, ["--Redis", redisEndpoint, "--Logging:LogLevel:Default=Warning"], "/health/ready", StartTimeout).ConfigureAwait(false);
        var ready = app.WorkingSetBytes;
        var slot = new ListenerSlot();
        var stack = new TypedStack();
        var clients = new List<IStackClient>();
        try
        {
            for (var i = 0; i < Connections; i++)
            {
                clients.Add(await stack.ConnectAsync(app.BaseUri, "startup", slot, CancellationToken.None).ConfigureAwait(false));
            }

            return new StartupSample(app.StartupTime, ready, app.WorkingSetBytes);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
