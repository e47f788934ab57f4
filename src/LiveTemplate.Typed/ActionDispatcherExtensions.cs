using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed;

/// <summary>Dispatches the action messages a connection receives (from <see cref="LocalConnection.Outbound"/>).</summary>
public static class ActionDispatcherExtensions
{
    /// <summary>Dispatches a server action that arrived for <paramref name="connection"/>'s user.</summary>
    public static ValueTask<ActionDispatchResult> DispatchAsync(this IActionDispatcher dispatcher, ServerActionMessage message, LocalConnection? connection = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(message);
        return dispatcher.DispatchAsync(message.Action, message.Data, ActionContext.From(message, connection, cancellationToken));
    }

    /// <summary>Dispatches a group action that arrived for <paramref name="connection"/>'s group.</summary>
    public static ValueTask<ActionDispatchResult> DispatchAsync(this IActionDispatcher dispatcher, GroupActionMessage message, LocalConnection? connection = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(message);
        return dispatcher.DispatchAsync(message.Action, message.Data, ActionContext.From(message, connection, cancellationToken));
    }

    /// <summary>Dispatches a topic action that arrived for <paramref name="connection"/> (subscribed to its topic or a matching pattern).</summary>
    public static ValueTask<ActionDispatchResult> DispatchAsync(this IActionDispatcher dispatcher, TopicActionMessage message, LocalConnection? connection = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(message);
        return dispatcher.DispatchAsync(message.Action, message.Data, ActionContext.From(message, connection, cancellationToken));
    }
}
