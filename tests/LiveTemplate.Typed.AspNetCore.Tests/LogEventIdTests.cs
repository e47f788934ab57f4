using System.Reflection;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Redis;
using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>An operator filters the logs by event id alone: the SDK's packages never give two messages one id.</summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void Every_log_message_of_the_three_packages_has_an_event_id_of_its_own()
    {
        var assemblies = new[] { typeof(IBroadcaster).Assembly, typeof(LiveConnection).Assembly, typeof(RedisBroadcaster).Assembly };
        var messages = assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.Name}.{m.Name}", Assembly: m.DeclaringType.Assembly, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .ToList();

        // Every package logs: a scan that finds none of one package's messages proves nothing about it.
        Assert.All(assemblies, a => Assert.Contains(messages, m => m.Assembly == a));
        var shared = messages.GroupBy(m => m.Attribute!.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}").ToList();
        Assert.True(shared.Count == 0, "event ids given to more than one message: " + string.Join("; ", shared));
    }
}
