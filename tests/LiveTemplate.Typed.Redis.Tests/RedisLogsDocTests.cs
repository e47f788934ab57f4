using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.Redis.Tests;

/// <summary>The Redis backplane's log events are in docs/pubsub.md's Logs table, beside the runtime's.</summary>
public sealed class RedisLogsDocTests
{
    [Fact]
    public void Every_event_id_the_Redis_backplane_logs_is_in_the_table_of_pubsub_md()
    {
        var written = LogDoc.EventIdsOf(typeof(RedisBroadcaster).Assembly);

        Assert.Contains(100, written);
        Assert.Empty(written.Except(LogDoc.DocumentedIds("pubsub.md", "## Logs")));
    }
}
