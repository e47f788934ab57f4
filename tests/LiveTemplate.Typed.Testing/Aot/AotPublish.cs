using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace LiveTemplate.Typed.Testing.Aot;

/// <summary>
/// Publishes tests/LiveTemplate.Typed.AotProof with Native AOT, once per test run and once per state of its inputs:
/// the result goes to <c>artifacts/aot-proof/&lt;hash&gt;/</c>, keyed by a hash of every source file it is built from
/// (src, generators, the app, the build settings) and the SDK version, so a second run of the same checkout reuses it.
/// The build's intermediate files go to <c>artifacts/aot-proof/build</c>, never into the projects' own obj folders.
/// </summary>
public static class AotPublish
{
    /// <summary>The proof app's project, relative to the repository root.</summary>
    public const string ProjectPath = "tests/LiveTemplate.Typed.AotProof/LiveTemplate.Typed.AotProof.csproj";

    private const string ExecutableName = "LiveTemplate.Typed.AotProof";
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(15);
    private static readonly string[] InputFolders = ["src", "generators", "tests/LiveTemplate.Typed.AotProof"];
    private static readonly string[] InputFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json"];
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static AotBuild? _build;

    /// <summary>The published app: from the cache when its inputs have not changed, published now otherwise.</summary>
    public static async Task<AotBuild> EnsureAsync(string repositoryRoot, CancellationToken ct = default)
    {
        await Once.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return _build ??= await PublishOrReuseAsync(repositoryRoot, ct).ConfigureAwait(false);
        }
        finally
        {
            Once.Release();
        }
    }

    private static async Task<AotBuild> PublishOrReuseAsync(string root, CancellationToken ct)
    {
        var sdk = (await RunAsync(root, ["--version"], TimeSpan.FromMinutes(1), ct).ConfigureAwait(false)).Output.Trim();
        var hash = InputHash(root, sdk);
        var cacheRoot = Path.Combine(root, "artifacts", "aot-proof");
        var target = Path.Combine(cacheRoot, hash);
        var executable = Path.Combine(target, "publish", ExecutableName);
        var logPath = Path.Combine(target, "publish.log");
        var timePath = Path.Combine(target, "publish-seconds.txt");
        if (File.Exists(executable) && File.Exists(logPath) && File.Exists(timePath))
        {
            var seconds = double.Parse(await File.ReadAllTextAsync(timePath, ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            return new AotBuild(executable, await File.ReadAllTextAsync(logPath, ct).ConfigureAwait(false), TimeSpan.FromSeconds(seconds), FromCache: true);
        }

        RemoveOtherVersions(cacheRoot, hash);
        Directory.CreateDirectory(target);
        var clock = Stopwatch.StartNew();
        // Warnings are not errors here: the test reads every IL warning from the log and decides whose they are.
        var result = await RunAsync(root,
            ["publish", ProjectPath, "-c", "Release", "-r", "linux-x64", "-nologo", "-v", "normal", "--artifacts-path", Path.Combine(cacheRoot, "build"), "-o", Path.Combine(target, "publish"), "-p:TreatWarningsAsErrors=false"],
            PublishTimeout, ct).ConfigureAwait(false);
        clock.Stop();
        await File.WriteAllTextAsync(logPath, result.Output, ct).ConfigureAwait(false);
        if (result.ExitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException($"dotnet publish of {ProjectPath} with PublishAot failed (exit code {result.ExitCode}); the log is {logPath}:\n{Tail(result.Output, 60)}");
        }

        await File.WriteAllTextAsync(timePath, clock.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), ct).ConfigureAwait(false);
        return new AotBuild(executable, result.Output, clock.Elapsed, FromCache: false);
    }

    private static string InputHash(string root, string sdk)
    {
        var files = InputFolders.SelectMany(folder => SourceFiles(Path.Combine(root, folder)))
            .Concat(InputFiles.Select(file => Path.Combine(root, file)).Where(File.Exists))
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(sdk + "\n"));
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            sha.AppendData(File.ReadAllBytes(Path.Combine(root, file)));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    private static IEnumerable<string> SourceFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(folder).Where(d => Path.GetFileName(d) is not ("bin" or "obj" or "TestResults")))
        {
            foreach (var file in SourceFiles(child))
            {
                yield return file;
            }
        }
    }

    private static void RemoveOtherVersions(string cacheRoot, string keep)
    {
        if (!Directory.Exists(cacheRoot))
        {
            return;
        }

        foreach (var old in Directory.EnumerateDirectories(cacheRoot).Where(d => Path.GetFileName(d) is var name && name != keep && name != "build"))
        {
            Directory.Delete(old, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string root, string[] arguments, TimeSpan timeout, CancellationToken ct)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        return (process.ExitCode, await output.ConfigureAwait(false) + await error.ConfigureAwait(false));
    }

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));
}
