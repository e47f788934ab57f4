using System.Reflection;
using System.Text.RegularExpressions;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Redis;
using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>
/// An operator filters the logs by event id: the SDK's packages never give two messages one id, and every id is in the
/// docs' tables (the host's in aspnetcore.md, the runtime's, Redis's and presence's in observability.md).
/// </summary>
public sealed class LogEventIdTests
{
    private static readonly Assembly[] Packages = [typeof(IBroadcaster).Assembly, typeof(LiveConnection).Assembly, typeof(RedisBroadcaster).Assembly];

    [Fact]
    public void Every_log_message_of_the_three_packages_has_an_event_id_of_its_own()
    {
        var messages = LogMessages();

        // Every package logs: a scan that finds none of one package's messages proves nothing about it.
        Assert.All(Packages, a => Assert.Contains(messages, m => m.Assembly == a));
        var shared = messages.GroupBy(m => m.Attribute.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}").ToList();
        Assert.True(shared.Count == 0, "event ids given to more than one message: " + string.Join("; ", shared));
    }

    [Fact]
    public void Every_event_id_is_in_the_docs_table_of_its_package_at_its_level()
    {
        var host = DocumentedLevels("aspnetcore.md");
        var runtime = DocumentedLevels("observability.md");

        Assert.All(LogMessages(), m =>
        {
            var (table, doc) = m.Assembly == typeof(LiveConnection).Assembly ? (host, "aspnetcore.md") : (runtime, "observability.md");
            Assert.True(table.TryGetValue(m.Attribute.EventId, out var levels), $"event {m.Attribute.EventId} ({m.Method}) is not in {doc}'s log table");
            Assert.Contains(m.Attribute.Level.ToString(), levels);
        });
    }

    private static List<(string Method, Assembly Assembly, LoggerMessageAttribute Attribute)> LogMessages()
        => [.. Packages
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.Name}.{m.Name}", m.DeclaringType.Assembly, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()!))
            .Where(m => m.Attribute is not null)];

    // Rows such as "| 21 | Warning | ..." and "| 112 / 113 | Information / Warning | ...": each id with its row's levels.
    private static Dictionary<int, string> DocumentedLevels(string doc)
    {
        var rows = new Dictionary<int, string>();
        foreach (Match row in Regex.Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", doc)), @"^\| (\d+(?: / \d+)*) \| ([A-Za-z /]+) \|", RegexOptions.Multiline))
        {
            foreach (var id in row.Groups[1].Value.Split(" / "))
            {
                rows[int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)] = row.Groups[2].Value;
            }
        }

        return rows;
    }
}
