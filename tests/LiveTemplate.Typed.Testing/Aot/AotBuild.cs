using System.Text.RegularExpressions;

namespace LiveTemplate.Typed.Testing.Aot;

/// <summary>A Native AOT publish of the proof app: the executable, the build's log, how long the publish took.</summary>
public sealed partial record AotBuild(string Executable, string Log, TimeSpan PublishTime, bool FromCache)
{
    /// <summary>True when the log shows the native compiler ran (ILCompiler's "Generating native code" step).</summary>
    public bool CompiledNatively => Log.Contains("Generating native code", StringComparison.Ordinal);

    /// <summary>Every trim (IL2xxx) and AOT (IL3xxx) warning of the publish, one per distinct line.</summary>
    public IReadOnlyList<TrimWarning> Warnings => WarningLine().Matches(Log)
        .Select(m => new TrimWarning(m.Groups["code"].Value, m.Groups["origin"].Value.Trim(), m.Groups["text"].Value.Trim()))
        .Distinct()
        .ToList();

    [GeneratedRegex(@"^(?<origin>[^\r\n]*?)\bwarning (?<code>IL[23]\d{3}):(?<text>[^\r\n]*?)(\[[^\]\r\n]*\.csproj[^\]\r\n]*\])?\r?$", RegexOptions.Multiline)]
    private static partial Regex WarningLine();
}
