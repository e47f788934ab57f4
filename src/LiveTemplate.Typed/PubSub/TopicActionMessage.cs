using LiveTemplate.Typed.Actions;

namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// A named action for every connection subscribed to one topic, or to a pattern that matches it (Go's
/// <c>GroupActionMessage</c> with <c>type</c> "topic_action", an empty <c>groupID</c> and the <c>topic</c> set).
/// </summary>
public sealed class TopicActionMessage : PubSubMessage
{
    /// <summary>Creates the message; <paramref name="data"/> is the action's UTF-8 JSON object, or empty for none.</summary>
    /// <param name="topic">The topic it was published to.</param>
    /// <param name="action">The action's name.</param>
    /// <param name="data">The action's fields.</param>
    /// <param name="instanceId">The publishing instance.</param>
    /// <param name="timestamp">When it was published.</param>
    /// <param name="seq">The sender's per-instance sequence number (shared with group actions); 0 for a sender without one.</param>
    public TopicActionMessage(Topic topic, string action, ReadOnlyMemory<byte> data, string instanceId, DateTimeOffset timestamp, ulong seq = 0)
        : base(instanceId, timestamp)
    {
        Topic = Typed.Topic.Require(topic, nameof(topic));
        Action = ActionNameRules.Validate(action, nameof(action));
        Data = data;
        Seq = seq;
    }

    /// <summary>The topic the action was published to.</summary>
    public Topic Topic { get; }

    /// <summary>The action's name, as the handlers know it.</summary>
    public string Action { get; }

    /// <summary>The action's fields as a UTF-8 JSON object; empty when the sender sent none.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>
    /// The sender's sequence number (the counter its group actions share): (<see cref="PubSubMessage.InstanceId"/>,
    /// <see cref="Seq"/>) identifies the message, so a copy that arrives twice (exact and pattern) is delivered once.
    /// 0 when the sender does not number them: then it is never deduplicated.
    /// </summary>
    public ulong Seq { get; }

    /// <inheritdoc />
    public override ChannelKind ChannelKind => ChannelKind.Topic;
}
