using System.Globalization;

namespace LiveTemplate.Typed.Benchmarks.Harness;

/// <summary>What else the machine was doing: the load average, read at the start and the end of each part.</summary>
public static class MachineLoad
{
    public static string Describe()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Create(CultureInfo.InvariantCulture, $"load average {fields[0]} / {fields[1]} / {fields[2]} (1/5/15 min) on {Environment.ProcessorCount} cores");
        }
        catch (IOException)
        {
            return $"load average unknown on {Environment.ProcessorCount} cores";
        }
    }
}
