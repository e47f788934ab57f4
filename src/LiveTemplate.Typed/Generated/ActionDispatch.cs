using System.ComponentModel;
using LiveTemplate.Typed.Actions;
namespace LiveTemplate.Typed.Generated;

/// <summary>The step every generated dispatcher takes for a known action: check the scope, decode, run the handler.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ActionDispatch
{
    /// <summary>
    /// Decodes <paramref name="data"/> as <typeparamref name="TAction"/> and awaits <paramref name="handler"/>. Wrong
    /// scope and undecodable data are returned as results; the handler's own exceptions propagate.
    /// </summary>
    public static ValueTask<ActionDispatchResult> DecodeAndHandleAsync<TAction>(IHandle<TAction> handler, ReadOnlyMemory<byte> data, ActionContext context)
        where TAction : IAction<TAction>
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Scope != TAction.Scope)
        {
            return new(ActionDispatchResult.WrongScope(TAction.ActionName, TAction.Scope, context.Scope));
        }

        if (!TAction.TryRead(data.Span, out var action, out var error))
        {
            return new(ActionDispatchResult.InvalidData(TAction.ActionName, error));
        }

        var handling = handler.HandleAsync(action, context);
        if (handling.IsCompletedSuccessfully)
        {
            handling.GetAwaiter().GetResult();
            return new(ActionDispatchResult.Handled(TAction.ActionName));
        }

        return AwaitHandledAsync(handling, TAction.ActionName);
    }

    private static async ValueTask<ActionDispatchResult> AwaitHandledAsync(ValueTask handling, string action)
    {
        await handling.ConfigureAwait(false);
        return ActionDispatchResult.Handled(action);
    }
}
