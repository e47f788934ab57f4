namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// Publishes actions to topics and hands received topic actions to a handler (livetemplate's <c>ctx.Publish</c>): every
/// connection subscribed to the topic, or to a pattern that matches it, on every instance, runs the action.
/// </summary>
public interface ITopicBroadcaster
{
    /// <summary>Triggers an action on every connection subscribed to <paramref name="topic"/>; <paramref name="data"/> is the action's UTF-8 JSON object (or empty).</summary>
    /// <remarks>A topic is never a pattern: publishing to several topics at once is not possible, by type.</remarks>
    Task PublishToTopicAsync(Topic topic, string action, ReadOnlyMemory<byte> data, CancellationToken ct = default);

    /// <summary>Registers a handler for topic actions of the topics and patterns this instance is subscribed to (each message once).</summary>
    Task SubscribeTopicActionsAsync(Func<TopicActionMessage, ValueTask> handler, CancellationToken ct = default);
}
