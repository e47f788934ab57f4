using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed;

/// <summary>
/// Where a typed action is being handled: its scope (the user or the group it was sent to), the message that
/// carried it, the local connection it is handled for, and a cancellation token.
/// </summary>
public sealed class ActionContext
{
    // One id field for the three scopes (the scope says which it is): the context is made for every connection an
    // action reaches, so it is kept small.
    private readonly string? _scopeId;

    private ActionContext(ActionScope scope, string? scopeId, PubSubMessage? message, LocalConnection? connection, CancellationToken cancellationToken)
    {
        Scope = scope;
        _scopeId = scopeId;
        Message = message;
        Connection = connection;
        CancellationToken = cancellationToken;
    }

    /// <summary>Whether the action was sent to a user or to a group.</summary>
    public ActionScope Scope { get; }

    /// <summary>The user the action was sent to, for a server action; otherwise null.</summary>
    public UserId? UserId => Scope == ActionScope.Server && _scopeId is not null ? Typed.UserId.FromValidated(_scopeId) : null;

    /// <summary>The group the action was sent to, for a group action; otherwise null.</summary>
    public GroupId? GroupId => Scope == ActionScope.Group && _scopeId is not null ? Typed.GroupId.FromValidated(_scopeId) : null;

    /// <summary>The topic the action was published to, for a topic action; otherwise null.</summary>
    public Topic? Topic => Scope == ActionScope.Topic && _scopeId is not null ? Typed.Topic.FromValidated(_scopeId) : null;

    /// <summary>The message that carried the action (who published it and when), or null when it was invoked directly.</summary>
    public PubSubMessage? Message { get; }

    /// <summary>The local connection the action is handled for, or null when it is handled for the scope as a whole.</summary>
    public LocalConnection? Connection { get; }

    /// <summary>Cancelled when handling should stop (the connection closes, the app shuts down).</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The context of a server action that arrived in <paramref name="message"/>.</summary>
    public static ActionContext From(ServerActionMessage message, LocalConnection? connection = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new ActionContext(ActionScope.Server, message.UserId.Value, message, connection, cancellationToken);
    }

    /// <summary>The context of a group action that arrived in <paramref name="message"/>.</summary>
    public static ActionContext From(GroupActionMessage message, LocalConnection? connection = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new ActionContext(ActionScope.Group, message.GroupId.Value, message, connection, cancellationToken);
    }

    /// <summary>The context of a topic action that arrived in <paramref name="message"/>.</summary>
    public static ActionContext From(TopicActionMessage message, LocalConnection? connection = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new ActionContext(ActionScope.Topic, message.Topic.Value, message, connection, cancellationToken);
    }

    /// <summary>The context of a topic action for <paramref name="topic"/> invoked directly, without a message.</summary>
    public static ActionContext ForTopic(Topic topic, LocalConnection? connection = null, CancellationToken cancellationToken = default)
        => new(ActionScope.Topic, Typed.Topic.Require(topic, nameof(topic)).Value, null, connection, cancellationToken);

    /// <summary>The context of a server action for <paramref name="userId"/> invoked directly, without a message.</summary>
    public static ActionContext ForUser(UserId userId, LocalConnection? connection = null, CancellationToken cancellationToken = default)
        => new(ActionScope.Server, ScopeIdRules.Require(userId, nameof(userId)).Value, null, connection, cancellationToken);

    /// <summary>The context of a group action for <paramref name="groupId"/> invoked directly, without a message.</summary>
    public static ActionContext ForGroup(GroupId groupId, LocalConnection? connection = null, CancellationToken cancellationToken = default)
        => new(ActionScope.Group, ScopeIdRules.Require(groupId, nameof(groupId)).Value, null, connection, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => Scope switch
    {
        ActionScope.Server => $"server action for user {UserId}",
        ActionScope.Topic => $"topic action for topic {Topic}",
        _ => $"group action for group {GroupId}",
    };
}
