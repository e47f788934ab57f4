using System.Diagnostics;

namespace LiveTemplate.Typed.Testing.Processes;

/// <summary>
/// Debian's Go toolchain for the interop tests' Go programs (./eng/test.sh installs golang-go), run offline in a
/// scratch directory of the test's own: its build cache and GOPATH there, no module proxy.
/// </summary>
public static class GoToolchain
{
    /// <summary>The <c>go</c> binary.</summary>
    /// <exception cref="InvalidOperationException">Go is not installed.</exception>
    public static string Go => new[] { "/usr/bin/go", "/usr/local/go/bin/go", "/usr/lib/go/bin/go" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("The Go toolchain is not installed; run ./eng/test.sh, which installs Debian's golang-go.");

    /// <summary>How to run <paramref name="file"/> with <paramref name="arguments"/> in <paramref name="work"/>, standard streams redirected, Go kept offline and inside <paramref name="work"/>.</summary>
    public static ProcessStartInfo StartInfo(string file, DirectoryInfo work, params string[] arguments)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = work.FullName,
        };
        info.Environment["GOCACHE"] = Path.Combine(work.FullName, "cache");
        info.Environment["GOPATH"] = Path.Combine(work.FullName, "gopath");
        info.Environment["GOPROXY"] = "off";
        info.Environment["GOFLAGS"] = "-mod=mod";
        info.Environment["GO111MODULE"] = "auto";
        return info;
    }
}
