using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed;

/// <summary>
/// Typed topic publishing: only a topic action can be published, only to a <see cref="Topic"/> (never a pattern, a group
/// or a user id), and an action with a topic template needs no topic at all. Name and JSON come from the generated code.
/// </summary>
public static class TopicPublishExtensions
{
    /// <summary>Runs <paramref name="action"/> on every connection subscribed to <paramref name="topic"/> or a pattern matching it, on every instance.</summary>
    public static Task PublishAsync<TAction>(this ITopicBroadcaster broadcaster, Topic topic, TAction action, CancellationToken ct = default)
        where TAction : ITopicAction<TAction>
    {
        ArgumentNullException.ThrowIfNull(broadcaster);
        return broadcaster is IInstanceBroadcaster instance
            ? instance.PublishTopicActionAsync(topic, action, ct)
            : broadcaster.PublishToTopicAsync(topic, TAction.ActionName, ActionJson.SerializeToUtf8Bytes(action), ct);
    }

    /// <summary>Runs <paramref name="action"/> on every subscriber of the topic its template derives from its members, on every instance.</summary>
    /// <exception cref="ArgumentException">A member's value does not make a valid topic segment.</exception>
    public static Task PublishAsync<TAction>(this ITopicBroadcaster broadcaster, TAction action, CancellationToken ct = default)
        where TAction : ITemplatedTopicAction<TAction>
    {
        ArgumentNullException.ThrowIfNull(broadcaster);
        if (action is null)
        {
            throw new ArgumentNullException(nameof(action));
        }

        return broadcaster.PublishAsync(TAction.TopicOf(action), action, ct);
    }
}
