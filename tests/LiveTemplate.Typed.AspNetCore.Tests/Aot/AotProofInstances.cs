using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.Testing;
using LiveTemplate.Typed.Testing.Aot;
using LiveTemplate.Typed.Testing.Processes;

namespace LiveTemplate.Typed.AspNetCore.Tests.Aot;

/// <summary>
/// The proof app twice over one real redis-server, as processes of their own: its Native AOT publish (made once per
/// test run, reused while its inputs do not change) and the JIT build the solution made.
/// </summary>
public sealed class AotProofInstances : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private RedisServer? _redis;

    public AotBuild Build { get; private set; } = null!;

    public AppProcess Aot { get; private set; } = null!;

    public AppProcess Jit { get; private set; } = null!;

    /// <summary>The JIT build of the proof app, in the configuration these tests were built in.</summary>
    public static string JitAssembly => Path.Combine(RepositoryPaths.Root, "tests", "LiveTemplate.Typed.AotProof", "bin",
#if DEBUG
        "Debug",
#else
        "Release",
#endif
        "net10.0", "LiveTemplate.Typed.AotProof.dll");

    public async Task InitializeAsync()
    {
        Build = await AotPublish.EnsureAsync(RepositoryPaths.Root);
        _redis = await RedisServer.StartAsync();
        Aot = await StartAsync(Build.Executable, "aot");
        Jit = await StartAsync(JitAssembly, "jit");
    }

    public Uri Live(AppProcess app, string group, string? user = null)
        => new UriBuilder(app.BaseUri) { Scheme = "ws", Path = "/live/" + group, Query = user is null ? string.Empty : "user=" + user }.Uri;

    public async Task DisposeAsync()
    {
        foreach (var app in new[] { Aot, Jit }.OfType<AppProcess>())
        {
            await app.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    private Task<AppProcess> StartAsync(string executable, string instance)
        => AppProcess.StartAsync(executable, ["--Redis", _redis!.Endpoint, "--Instance", instance, "--Logging:LogLevel:Default=Warning"], "/health/ready", StartTimeout, name: "proof app (" + instance + ")");
}
