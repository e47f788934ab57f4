using LiveTemplate.Typed.Actions;
namespace LiveTemplate.Typed.PubSub;

/// <summary>A named action for every connection of one user (Go's <c>ServerActionMessage</c>, <c>type</c> "server_action").</summary>
public sealed class ServerActionMessage : PubSubMessage
{
    /// <summary>Creates the message; <paramref name="data"/> is the action's UTF-8 JSON object, or empty for none.</summary>
    public ServerActionMessage(UserId userId, string action, ReadOnlyMemory<byte> data, string instanceId, DateTimeOffset timestamp)
        : base(instanceId, timestamp)
    {
        UserId = ScopeIdRules.Require(userId, nameof(userId));
        Action = ActionNameRules.Validate(action, nameof(action));
        Data = data;
    }


    /// <summary>The user whose connections run the action.</summary>
    public UserId UserId { get; }

    /// <summary>The action's name, as the handlers know it.</summary>
    public string Action { get; }

    /// <summary>The action's fields as a UTF-8 JSON object; empty when the sender sent none.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <inheritdoc />
    public override ChannelKind ChannelKind => ChannelKind.ServerAction;
}
