using LiveTemplate.Typed.Actions;

namespace LiveTemplate.Typed;

/// <summary>
/// An action for every connection subscribed to one topic (or to a pattern that matches it). Generated for records
/// marked <see cref="TopicActionAttribute"/>; only such actions can be published to a <see cref="Topic"/>.
/// </summary>
/// <typeparam name="TSelf">The action record itself.</typeparam>
public interface ITopicAction<TSelf> : IAction<TSelf>
    where TSelf : ITopicAction<TSelf>
{
}
