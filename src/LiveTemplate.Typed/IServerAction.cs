using LiveTemplate.Typed.Actions;

namespace LiveTemplate.Typed;

/// <summary>
/// An action for every connection of one user. Generated for records marked <see cref="ServerActionAttribute"/>;
/// only such actions can be passed to <see cref="BroadcasterExtensions.TriggerAsync{TAction}"/>.
/// </summary>
/// <typeparam name="TSelf">The action record itself.</typeparam>
public interface IServerAction<TSelf> : IAction<TSelf>
    where TSelf : IServerAction<TSelf>
{
}
