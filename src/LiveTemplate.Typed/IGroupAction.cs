using LiveTemplate.Typed.Actions;

namespace LiveTemplate.Typed;

/// <summary>
/// An action for every connection of one group. Generated for records marked <see cref="GroupActionAttribute"/>;
/// only such actions can be passed to <see cref="BroadcasterExtensions.BroadcastAsync{TAction}(PubSub.IBroadcaster, GroupId, TAction, CancellationToken)"/>.
/// </summary>
/// <typeparam name="TSelf">The action record itself.</typeparam>
public interface IGroupAction<TSelf> : IAction<TSelf>
    where TSelf : IGroupAction<TSelf>
{
}
