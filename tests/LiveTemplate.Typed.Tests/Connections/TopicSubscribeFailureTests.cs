using System.Text;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;
using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.Tests.Connections;

/// <summary>
/// A topic or pattern subscribe the broadcaster fails (a real in-memory broadcaster behind one that refuses the chosen
/// subscribe, or disposed) fails to its caller and leaves the connection without it: a retry reaches the broadcaster
/// again and receives; a second subscribe while the first is in flight waits for it and fails with it.
/// </summary>
public sealed class TopicSubscribeFailureTests : IAsyncLifetime
{
    private readonly FaultingTopicBroadcaster _broadcaster = new();
    private ConnectionRegistry _registry = null!;

    public async Task InitializeAsync() => _registry = await ConnectionRegistry.AttachAsync(_broadcaster);

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        await _broadcaster.DisposeAsync();
    }

    [Fact]
    public async Task A_topic_subscribe_the_broadcaster_fails_throws_leaves_no_membership_and_a_retry_subscribes_and_receives()
    {
        var connection = await _registry.RegisterAsync("c1", new GroupId("g1"));
        var topic = new Topic("room/1");
        _broadcaster.FailNext(topic.Value);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _registry.SubscribeAsync(connection, topic));
        Assert.Empty(connection.Topics);

        await _registry.SubscribeAsync(connection, topic);
        Assert.Equal(1, _broadcaster.Forwarded(topic.Value));
        Assert.Equal([topic], connection.Topics);
        await _broadcaster.Inner.PublishToTopicAsync(topic, "note", Encoding.UTF8.GetBytes("""{"text":"after the retry"}"""));
        var received = Assert.IsType<TopicActionMessage>(await connection.Outbound.NextAsync(what: "the action published after the retry"));
        Assert.Equal((topic, "note"), (received.Topic, received.Action));
    }

    [Fact]
    public async Task A_pattern_subscribe_the_broadcaster_fails_throws_leaves_no_membership_and_a_retry_subscribes_and_receives()
    {
        var connection = await _registry.RegisterAsync("c2", new GroupId("g2"));
        var pattern = new TopicPattern("news/*");
        _broadcaster.FailNext(pattern.Value);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _registry.SubscribeAsync(connection, pattern));
        Assert.Empty(connection.TopicPatterns);

        await _registry.SubscribeAsync(connection, pattern);
        Assert.Equal(1, _broadcaster.Forwarded(pattern.Value));
        await _broadcaster.Inner.PublishToTopicAsync(new Topic("news/main"), "note", Encoding.UTF8.GetBytes("""{"text":"after the retry"}"""));
        var received = Assert.IsType<TopicActionMessage>(await connection.Outbound.NextAsync(what: "the action on a matching topic after the retry"));
        Assert.Equal(new Topic("news/main"), received.Topic);
    }

    [Fact]
    public async Task A_second_subscribe_while_the_first_is_in_flight_waits_for_it_and_fails_with_it()
    {
        var connection = await _registry.RegisterAsync("c3", new GroupId("g3"));
        var topic = new Topic("room/3");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _broadcaster.FailNext(topic.Value, gate.Task);

        var first = _registry.SubscribeAsync(connection, topic);
        var second = _registry.SubscribeAsync(connection, topic);
        Assert.False(second.IsCompleted, "the second subscribe was told it is done before the broadcaster answered the first");

        gate.SetResult();
        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => second);
        Assert.Empty(connection.Topics);
        Assert.Equal(0, _broadcaster.Forwarded(topic.Value));
    }

    [Fact]
    public async Task A_subscribe_the_broadcaster_fails_after_the_registry_stopped_waiting_is_logged_and_leaves_no_membership()
    {
        var log = new RecordingLogger<ConnectionRegistry>();
        await using var broadcaster = new FaultingTopicBroadcaster();
        await using var registry = await ConnectionRegistry.AttachAsync(broadcaster, new ConnectionRegistryOptions { SubscribeTimeout = TimeSpan.FromMilliseconds(50) }, log);
        var connection = await registry.RegisterAsync("c5", new GroupId("g5"));
        var topic = new Topic("room/5");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        broadcaster.FailNext(topic.Value, gate.Task);

        await registry.SubscribeAsync(connection, topic); // slow: the registry stops waiting (event 20), the topic is held
        Assert.Equal([topic], connection.Topics);
        gate.SetResult();

        var failed = await log.WaitForAsync(entry => entry.EventId.Id == 23, Eventually.MessageTimeout);
        Assert.Equal((LogLevel.Error, "room/5"), (failed.Level, failed.Fields["topic"]));
        Assert.IsType<InvalidOperationException>(failed.Exception);
        Assert.Empty(connection.Topics);
        await registry.SubscribeAsync(connection, topic);
        Assert.Equal(1, broadcaster.Forwarded(topic.Value));
    }

    [Fact]
    public async Task A_subscribe_after_the_broadcaster_is_disposed_throws_and_leaves_no_membership()
    {
        await using var broadcaster = new InMemoryBroadcaster();
        await using var registry = await ConnectionRegistry.AttachAsync(broadcaster);
        var connection = await registry.RegisterAsync("c4", new GroupId("g4"));
        await broadcaster.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => registry.SubscribeAsync(connection, new Topic("room/4")));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => registry.SubscribeAsync(connection, new TopicPattern("room/*")));

        Assert.Empty(connection.Topics);
        Assert.Empty(connection.TopicPatterns);
    }
}
