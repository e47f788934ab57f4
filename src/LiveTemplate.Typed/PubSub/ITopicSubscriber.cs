namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// Subscribes this instance to topics and topic patterns, reference-counted as <see cref="IDynamicSubscriber"/>'s
/// channels are: every subscribe must be matched by one unsubscribe, and only the first and the last reach the transport.
/// A subscribe that fails (it throws, or its task faults: the broadcaster is disposed, the transport refused) holds no
/// reference: it is not matched by an unsubscribe, and the <see cref="Connections.ConnectionRegistry"/> then lets the
/// connection go of the topic or pattern (a retry subscribes again).
/// </summary>
public interface ITopicSubscriber
{
    /// <summary>Subscribes to one topic's channel; returns once the transport confirms.</summary>
    Task SubscribeToTopicAsync(Topic topic, CancellationToken ct = default);

    /// <summary>Releases one reference to the topic's channel.</summary>
    Task UnsubscribeFromTopicAsync(Topic topic, CancellationToken ct = default);

    /// <summary>Subscribes to every topic <paramref name="pattern"/> matches (a Redis pattern subscription); returns once the transport confirms.</summary>
    Task SubscribeToPatternAsync(TopicPattern pattern, CancellationToken ct = default);

    /// <summary>Releases one reference to the pattern's subscription.</summary>
    Task UnsubscribeFromPatternAsync(TopicPattern pattern, CancellationToken ct = default);
}
