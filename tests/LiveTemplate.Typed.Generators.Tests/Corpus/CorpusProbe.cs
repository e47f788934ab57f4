using System.Reflection;

namespace LiveTemplate.Typed.Generators.Tests.Corpus;

/// <summary>Runs one case's compiled probe and checks its samples and reads against the case's expectations.</summary>
internal static class CorpusProbe
{
    public static IEnumerable<string> Check(CorpusCase corpusCase, Type probe)
    {
        var failures = new List<string>();
        var roundTrips = Invoke<object?[][]>(probe, "RoundTrips", [], failures);
        for (var i = 0; roundTrips is not null && i < roundTrips.Length; i++)
        {
            var (sample, back, json, problem) = (roundTrips[i][0], roundTrips[i][1], (string)roundTrips[i][2]!, (string?)roundTrips[i][3]);
            var difference = problem ?? DeepEquality.Difference(sample, back, corpusCase.NotCompared);
            if (difference is not null)
            {
                failures.Add($"sample {i} does not round-trip: {difference} (written as {json})");
            }

            if (corpusCase.UnlikeStj is null && (string)roundTrips[i][4]! is var stj && stj != json)
            {
                failures.Add($"sample {i} is written as {json}, where System.Text.Json writes {stj}");
            }

            failures.AddRange(corpusCase.Contains.Where(text => !json.Contains(text, StringComparison.Ordinal)).Select(text => $"sample {i} lacks {text}: {json}"));
            failures.AddRange(corpusCase.Lacks.Where(text => json.Contains(text, StringComparison.Ordinal)).Select(text => $"sample {i} contains {text}: {json}"));
        }

        foreach (var (json, outcome) in corpusCase.Reads)
        {
            var read = Invoke<string>(probe, "Read", [json], failures);
            var matches = outcome == "ok" ? read?.StartsWith("ok", StringComparison.Ordinal) == true : read == outcome;
            if (read is not null && !matches)
            {
                failures.Add($"reading {json} gave \"{read}\", not \"{outcome}\"");
            }
        }

        return failures;
    }

    private static T? Invoke<T>(Type probe, string method, object?[] arguments, List<string> failures)
        where T : class
    {
        try
        {
            return (T?)probe.GetMethod(method)!.Invoke(null, arguments);
        }
        catch (TargetInvocationException ex)
        {
            failures.Add($"{method} threw {ex.InnerException}");
            return null;
        }
    }
}
