using LiveTemplate.Typed.AspNetCore.Topics;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore.Tests.Sessions;

/// <summary>A connection's topic holders (what LiveConnection.SubscribeAsync/UnsubscribeAsync use) refuse a default topic or pattern on both ways, as the registry does.</summary>
public sealed class ConnectionTopicsTests
{
    [Fact]
    public async Task A_default_topic_or_pattern_is_refused_by_subscribe_and_unsubscribe_alike()
    {
        await using var broadcaster = new InMemoryBroadcaster();
        await using var registry = await ConnectionRegistry.AttachAsync(broadcaster);
        var connection = await registry.RegisterAsync("c1", new GroupId("g1"));
        var topics = new ConnectionTopics(connection, registry);

        Assert.Throws<ArgumentException>(() => { _ = topics.SubscribeAsync(default(Topic), TopicHolder.Handler, CancellationToken.None); });
        Assert.Throws<ArgumentException>(() => { _ = topics.SubscribeAsync(default(TopicPattern), TopicHolder.Handler, CancellationToken.None); });
        Assert.Throws<ArgumentException>(() => { _ = topics.UnsubscribeAsync(default(Topic), TopicHolder.Handler, CancellationToken.None); });
        Assert.Throws<ArgumentException>(() => { _ = topics.UnsubscribeAsync(default(TopicPattern), TopicHolder.Handler, CancellationToken.None); });
        Assert.Equal(TopicHolder.None, topics.HoldersOf(new Topic("room/1")));
    }
}
