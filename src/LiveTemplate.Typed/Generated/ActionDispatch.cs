using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.PubSub;
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

        if (!TryDecode<TAction>(data, context.Message, out var action, out var error))
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

    /// <summary>
    /// Decodes the action, or takes the value another connection's handler decoded from the same message when the
    /// action is immutable: a message to a group of a thousand is then decoded once on this instance, not a thousand times.
    /// </summary>
    private static bool TryDecode<TAction>(ReadOnlyMemory<byte> data, PubSubMessage? message, [MaybeNullWhen(false)] out TAction action, [NotNullWhen(false)] out ActionDataError? error)
        where TAction : IAction<TAction>
    {
        if (!TAction.IsImmutable || message is null)
        {
            return TAction.TryRead(data.Span, out action, out error);
        }

        if (message.TryGetDecoded(data, out action))
        {
            error = null;
            return true;
        }

        if (!TAction.TryRead(data.Span, out action, out error))
        {
            return false;
        }

        message.KeepDecoded(data, action);
        return true;
    }

    private static async ValueTask<ActionDispatchResult> AwaitHandledAsync(ValueTask handling, string action)
    {
        await handling.ConfigureAwait(false);
        return ActionDispatchResult.Handled(action);
    }
}
