using Xunit.Abstractions;

namespace LiveTemplate.Typed.Redis.Tests.Faults;

/// <summary>
/// Writes a fault's measurements to the test output and, when LTT_RELIABILITY_OUT names a file, appends them there
/// (one line per fault) for docs/reliability.md.
/// </summary>
internal static class FaultLog
{
    public static void Write(ITestOutputHelper output, string fault, object measurements)
    {
        var line = $"{fault}: {measurements}";
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("LTT_RELIABILITY_OUT") is { Length: > 0 } path)
        {
            lock (typeof(FaultLog))
            {
                File.AppendAllText(path, line + Environment.NewLine);
            }
        }
    }
}
