using LiveTemplate.Typed.Actions;

namespace LiveTemplate.Typed;

/// <summary>
/// Handles one typed action. A <c>partial</c> class that implements this interface for its actions gets a
/// generated <see cref="IActionDispatcher"/>: a switch on the action name that decodes the data and calls the
/// matching <see cref="HandleAsync"/>.
/// </summary>
/// <typeparam name="TAction">The action handled.</typeparam>
public interface IHandle<in TAction>
    where TAction : IAction<TAction>
{
    /// <summary>Runs the action for the connection (or scope) described by <paramref name="context"/>.</summary>
    ValueTask HandleAsync(TAction action, ActionContext context);
}
