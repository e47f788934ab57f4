using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.Tests.Diagnostics;

/// <summary>
/// docs/pubsub.md's Logs table is what an operator filters logs by (and docs/aspnetcore.md sends readers to it): every event
/// id the runtime writes (broadcaster, registry, presence) is in it, and it lists no id the runtime does not write.
/// </summary>
public sealed class LogsDocTests
{
    [Fact]
    public void Every_event_id_the_runtime_logs_is_in_the_table_of_pubsub_md()
    {
        var written = LogDoc.EventIdsOf(typeof(InMemoryBroadcaster).Assembly);
        var documented = LogDoc.DocumentedIds("pubsub.md", "## Logs");

        Assert.Contains(1, written); // the reflection found the log methods at all
        Assert.Empty(written.Except(documented));
        var extra = documented.Except(written).ToList();
        extra.Remove(100); // 100 and 101: LiveTemplate.Typed.Redis's (RedisLogsDocTests)
        extra.Remove(101);
        Assert.Empty(extra);
    }
}
