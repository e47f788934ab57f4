namespace LiveTemplate.Typed;

/// <summary>
/// Routes an action, by name, to the typed handler that knows it. Generated for every <c>partial</c> class that
/// implements <see cref="IHandle{TAction}"/>: a <c>switch</c> on the name, no reflection, no lookup table.
/// </summary>
public interface IActionDispatcher
{
    /// <summary>
    /// Decodes <paramref name="data"/> as the action called <paramref name="action"/> and runs its handler. An
    /// action the handler does not know, data that does not decode and an action of the other scope are reported
    /// in the result, not thrown; exceptions of the handler itself propagate.
    /// </summary>
    ValueTask<ActionDispatchResult> DispatchAsync(string action, ReadOnlyMemory<byte> data, ActionContext context);

    /// <summary>True when this dispatcher has a handler for the action called <paramref name="action"/>.</summary>
    bool CanHandle(string action);
}
