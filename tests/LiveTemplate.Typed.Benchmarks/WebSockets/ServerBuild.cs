using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>Where the benchmark servers' builds are: the solution builds them in the benchmark's own configuration.</summary>
public static class ServerBuild
{
    /// <summary>The assembly of the server in <c>tests/LiveTemplate.Typed.Benchmarks.Servers/&lt;folder&gt;</c>.</summary>
    public static string Path(string folder, string assembly)
    {
        var path = System.IO.Path.Combine(RepositoryRoot.Path, "tests", "LiveTemplate.Typed.Benchmarks.Servers", folder, "bin", Configuration, "net10.0", assembly + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built: run ./eng/bench.sh, which builds it.", path);
    }

    /// <summary>The configuration this benchmark was built in (Release from eng/bench.sh).</summary>
    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}
