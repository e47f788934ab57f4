using LiveTemplate.Typed.Actions;
namespace LiveTemplate.Typed.PubSub;

/// <summary>A named action for every connection of one group (Go's <c>GroupActionMessage</c>, <c>type</c> "group_action").</summary>
public sealed class GroupActionMessage : PubSubMessage
{
    /// <summary>Creates the message; <paramref name="data"/> is the action's UTF-8 JSON object, or empty for none.</summary>
    /// <param name="groupId">The group whose connections run the action.</param>
    /// <param name="action">The action's name.</param>
    /// <param name="data">The action's fields.</param>
    /// <param name="instanceId">The publishing instance.</param>
    /// <param name="timestamp">When it was published.</param>
    /// <param name="seq">The sender's per-instance sequence number (1, 2, …); 0 for a sender without sequence numbers.</param>
    /// <param name="topic">An optional topic within the group (Go's <c>topic</c>), or null.</param>
    /// <param name="excludeConnectionId">A connection that must not run the action (usually its sender), or null.</param>
    public GroupActionMessage(GroupId groupId, string action, ReadOnlyMemory<byte> data, string instanceId, DateTimeOffset timestamp, ulong seq = 0, string? topic = null, string? excludeConnectionId = null)
        : base(instanceId, timestamp)
    {
        GroupId = ScopeIdRules.Require(groupId, nameof(groupId));
        Action = ActionNameRules.Validate(action, nameof(action));
        Data = data;
        Seq = seq;
        Topic = string.IsNullOrEmpty(topic) ? null : topic;
        ExcludeConnectionId = string.IsNullOrEmpty(excludeConnectionId) ? null : excludeConnectionId;
    }


    /// <summary>The group whose connections run the action.</summary>
    public GroupId GroupId { get; }

    /// <summary>The action's name, as the handlers know it.</summary>
    public string Action { get; }

    /// <summary>The action's fields as a UTF-8 JSON object; empty when the sender sent none.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>
    /// The sender's sequence number: a per-instance counter incremented on every group action it publishes, so
    /// (<see cref="PubSubMessage.InstanceId"/>, <see cref="Seq"/>) identifies a message. 0 when the sender does not number them.
    /// </summary>
    public ulong Seq { get; }

    /// <summary>The topic within the group, or null.</summary>
    public string? Topic { get; }

    /// <summary>
    /// A connection that must not run the action (usually the one that sent it), or null. Travels as the extra field
    /// <c>excludeConnID</c>, which Go readers ignore: a Go instance runs the action on every connection of the group.
    /// </summary>
    public string? ExcludeConnectionId { get; }

    /// <inheritdoc />
    public override ChannelKind ChannelKind => ChannelKind.GroupAction;
}
