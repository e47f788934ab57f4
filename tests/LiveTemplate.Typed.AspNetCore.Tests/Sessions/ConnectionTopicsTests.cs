using LiveTemplate.Typed.AspNetCore.Topics;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.AspNetCore.Tests.Sessions;

/// <summary>
/// A connection's topic holders (what LiveConnection.SubscribeAsync/UnsubscribeAsync and the browser's frames use) refuse a
/// default topic or pattern on both ways, as the registry does, and hold nothing after a subscribe the broadcaster fails.
/// </summary>
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

    [Fact]
    public async Task A_holder_that_joins_while_the_first_subscribe_is_in_flight_waits_for_it_and_a_failure_lets_both_go()
    {
        await using var broadcaster = new FaultingTopicBroadcaster();
        await using var registry = await ConnectionRegistry.AttachAsync(broadcaster);
        var connection = await registry.RegisterAsync("c2", new GroupId("g2"));
        var topics = new ConnectionTopics(connection, registry);
        var topic = new Topic("room/2");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        broadcaster.FailNext(topic.Value, gate.Task);

        var handler = topics.SubscribeAsync(topic, TopicHolder.Handler, CancellationToken.None);
        var browser = topics.SubscribeAsync(topic, TopicHolder.Browser, CancellationToken.None);
        var again = topics.SubscribeAsync(topic, TopicHolder.Handler, CancellationToken.None);
        Assert.False(browser.IsCompleted, "the browser was told it holds the topic before the broadcaster answered");
        Assert.False(again.IsCompleted, "a repeated subscribe was told done before the broadcaster answered");

        gate.SetResult();
        await Assert.ThrowsAsync<InvalidOperationException>(() => handler);
        await Assert.ThrowsAsync<InvalidOperationException>(() => browser);
        await Assert.ThrowsAsync<InvalidOperationException>(() => again);
        Assert.Equal((TopicHolder.None, false, 0), (topics.HoldersOf(topic), topics.BrowserHolds(topic), topics.BrowserHeld));
        Assert.Empty(connection.Topics);

        await topics.SubscribeAsync(topic, TopicHolder.Handler, CancellationToken.None);
        await topics.SubscribeAsync(topic, TopicHolder.Browser, CancellationToken.None);
        Assert.Equal((TopicHolder.Handler | TopicHolder.Browser, 1, 1), (topics.HoldersOf(topic), topics.BrowserHeld, broadcaster.Forwarded(topic.Value)));
        await broadcaster.Inner.PublishToTopicAsync(topic, "note", "{}"u8.ToArray());
        var received = Assert.IsType<TopicActionMessage>(await connection.Outbound.NextAsync(what: "the action published after the retry"));
        Assert.Equal(topic, received.Topic);
    }

    [Fact]
    public async Task A_browser_pattern_the_broadcaster_fails_is_not_counted_and_a_retry_subscribes_again()
    {
        await using var broadcaster = new FaultingTopicBroadcaster();
        await using var registry = await ConnectionRegistry.AttachAsync(broadcaster);
        var connection = await registry.RegisterAsync("c3", new GroupId("g3"));
        var topics = new ConnectionTopics(connection, registry);
        var pattern = new TopicPattern("news/*");
        broadcaster.FailNext(pattern.Value);

        await Assert.ThrowsAsync<InvalidOperationException>(() => topics.SubscribeAsync(pattern, TopicHolder.Browser, CancellationToken.None));
        Assert.Equal((false, 0), (topics.BrowserHolds(pattern), topics.BrowserHeld));

        await topics.SubscribeAsync(pattern, TopicHolder.Browser, CancellationToken.None);
        Assert.Equal((true, 1, 1), (topics.BrowserHolds(pattern), topics.BrowserHeld, broadcaster.Forwarded(pattern.Value)));
        await broadcaster.Inner.PublishToTopicAsync(new Topic("news/main"), "note", "{}"u8.ToArray());
        Assert.Equal(new Topic("news/main"), Assert.IsType<TopicActionMessage>(await connection.Outbound.NextAsync(what: "the action on a matching topic")).Topic);
    }

    [Fact]
    public async Task A_cancelled_wait_ends_the_callers_wait_and_the_subscription_still_holds()
    {
        await using var broadcaster = new FaultingTopicBroadcaster();
        await using var registry = await ConnectionRegistry.AttachAsync(broadcaster);
        var connection = await registry.RegisterAsync("c4", new GroupId("g4"));
        var topics = new ConnectionTopics(connection, registry);
        var topic = new Topic("room/4");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => topics.SubscribeAsync(topic, TopicHolder.Handler, cancelled.Token));

        await topics.SubscribeAsync(topic, TopicHolder.Handler, CancellationToken.None);
        Assert.Equal((TopicHolder.Handler, 1), (topics.HoldersOf(topic), broadcaster.Forwarded(topic.Value)));
    }

    [Fact]
    public async Task A_hold_the_registry_let_go_after_its_timeout_is_subscribed_again_by_the_next_subscribe()
    {
        var log = new RecordingLogger<ConnectionRegistry>();
        await using var broadcaster = new FaultingTopicBroadcaster();
        await using var registry = await ConnectionRegistry.AttachAsync(broadcaster, new ConnectionRegistryOptions { SubscribeTimeout = TimeSpan.FromMilliseconds(50) }, log);
        var connection = await registry.RegisterAsync("c5", new GroupId("g5"));
        var topics = new ConnectionTopics(connection, registry);
        var topic = new Topic("room/5");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        broadcaster.FailNext(topic.Value, gate.Task);

        await topics.SubscribeAsync(topic, TopicHolder.Browser, CancellationToken.None); // answered after the registry's timeout
        gate.SetResult();
        await log.WaitForAsync(entry => entry.EventId.Id == 23, Eventually.MessageTimeout);
        Assert.Empty(connection.Topics);

        await topics.SubscribeAsync(topic, TopicHolder.Browser, CancellationToken.None);
        Assert.Equal((TopicHolder.Browser, 1, 1), (topics.HoldersOf(topic), topics.BrowserHeld, broadcaster.Forwarded(topic.Value)));
        await broadcaster.Inner.PublishToTopicAsync(topic, "note", "{}"u8.ToArray());
        Assert.Equal(topic, Assert.IsType<TopicActionMessage>(await connection.Outbound.NextAsync(what: "the action after the renewed subscribe")).Topic);
    }

    [Fact]
    public async Task A_subscribe_after_the_broadcaster_is_disposed_fails_and_neither_the_host_nor_the_registry_holds_it()
    {
        var broadcaster = new InMemoryBroadcaster();
        await using var registry = await ConnectionRegistry.AttachAsync(broadcaster);
        var connection = await registry.RegisterAsync("c6", new GroupId("g6"));
        var topics = new ConnectionTopics(connection, registry);
        await broadcaster.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => topics.SubscribeAsync(new Topic("room/6"), TopicHolder.Browser, CancellationToken.None));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => topics.SubscribeAsync(new TopicPattern("room/*"), TopicHolder.Handler, CancellationToken.None));

        Assert.Equal((TopicHolder.None, 0), (topics.HoldersOf(new Topic("room/6")), topics.BrowserHeld));
        Assert.Empty(connection.Topics);
        Assert.Empty(connection.TopicPatterns);
    }
}
