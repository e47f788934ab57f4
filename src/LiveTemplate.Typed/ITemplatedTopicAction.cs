namespace LiveTemplate.Typed;

/// <summary>
/// A topic action whose topic is a template of its own members (<c>[TopicAction(Topic = "room/{RoomId}")]</c>): the
/// generated code derives the topic from the action, so publishing it needs no topic at all.
/// </summary>
/// <typeparam name="TSelf">The action record itself.</typeparam>
public interface ITemplatedTopicAction<TSelf> : ITopicAction<TSelf>
    where TSelf : ITemplatedTopicAction<TSelf>
{
    /// <summary>The topic <paramref name="action"/> is published to, from its members.</summary>
    /// <exception cref="ArgumentException">A member's value does not make a valid topic segment.</exception>
    static abstract Topic TopicOf(TSelf action);
}
