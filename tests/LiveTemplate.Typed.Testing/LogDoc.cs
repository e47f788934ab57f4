using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.Testing;

/// <summary>
/// The log tables of the docs (a "| Id | Level | Message |" table under a heading): which event ids they list, and which
/// an assembly's source-generated log methods write, so that a test can hold the one to the other.
/// </summary>
public static partial class LogDoc
{
    /// <summary>Every event id of a <see cref="LoggerMessageAttribute"/> method in <paramref name="assembly"/>.</summary>
    public static IReadOnlySet<int> EventIdsOf(Assembly assembly)
        => assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .Where(a => a is not null)
            .Select(a => a!.EventId)
            .ToHashSet();

    /// <summary>
    /// The ids in the first column of the table that follows <paramref name="heading"/> in the doc <paramref name="file"/>
    /// (under docs/): "7", "3 / 4" and "3001–3006" each name their ids.
    /// </summary>
    public static IReadOnlySet<int> DocumentedIds(string file, string heading)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", file));
        var start = text.IndexOf(heading, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"docs/{file} has no '{heading}'.");
        }

        var ids = new HashSet<int>();
        var table = false;
        foreach (var line in text[start..].Split('\n').Skip(1))
        {
            if (!line.StartsWith('|'))
            {
                if (table)
                {
                    break;
                }

                continue;
            }

            table = true;
            foreach (Match match in IdCell().Matches(line.Split('|')[1]))
            {
                var from = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                var to = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : from;
                for (var id = from; id <= to; id++)
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }

    [GeneratedRegex(@"\b(\d+)(?:–(\d+))?\b")]
    private static partial Regex IdCell();
}
