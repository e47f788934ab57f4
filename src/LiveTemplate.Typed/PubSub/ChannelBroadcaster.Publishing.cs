using LiveTemplate.Typed.PubSub.Publishing;
using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.PubSub;

// Publishing: every scope's publish, raw and typed, and the envelope headers this instance writes.
public abstract partial class ChannelBroadcaster
{
    /// <inheritdoc />
    public Task PublishGlobalAsync(ReadOnlyMemory<byte> payload, CancellationToken ct = default)
        => PublishGlobalAsync(payload, null, ct);

    /// <inheritdoc />
    public Task PublishToGroupAsync(GroupId groupId, ReadOnlyMemory<byte> payload, CancellationToken ct = default)
        => PublishToGroupAsync(groupId, payload, null, ct);

    /// <inheritdoc />
    public Task PublishToUserAsync(UserId userId, ReadOnlyMemory<byte> payload, CancellationToken ct = default)
        => PublishToUserAsync(userId, payload, null, ct);

    /// <summary>Publishes to every connection on every instance except <paramref name="excludeConnectionId"/> (usually the sender), as livetemplate's <c>excludeConnID</c>.</summary>
    public Task PublishGlobalAsync(ReadOnlyMemory<byte> payload, string? excludeConnectionId, CancellationToken ct = default)
        => _publisher.PublishAsync(Channels.Global, Keeps(ChannelKind.GlobalBroadcast), Header.Broadcast(EnvelopeScope.Global, null, null, payload, excludeConnectionId, this), default(RawData), ct);

    /// <summary>Publishes to every connection of one group except <paramref name="excludeConnectionId"/> (usually the sender).</summary>
    public Task PublishToGroupAsync(GroupId groupId, ReadOnlyMemory<byte> payload, string? excludeConnectionId, CancellationToken ct = default)
        => _publisher.PublishAsync(Channels.GroupBroadcast(Require(groupId)), Keeps(ChannelKind.GroupBroadcast), Header.Broadcast(EnvelopeScope.Group, groupId.Value, null, payload, excludeConnectionId, this), default(RawData), ct);

    /// <summary>Publishes to every connection of one user except <paramref name="excludeConnectionId"/> (usually the sender).</summary>
    public Task PublishToUserAsync(UserId userId, ReadOnlyMemory<byte> payload, string? excludeConnectionId, CancellationToken ct = default)
        => _publisher.PublishAsync(Channels.UserBroadcast(Require(userId)), Keeps(ChannelKind.UserBroadcast), Header.Broadcast(EnvelopeScope.User, null, userId.Value, payload, excludeConnectionId, this), default(RawData), ct);

    /// <inheritdoc />
    public Task PublishServerActionAsync(UserId userId, string action, ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        var header = Header.ServerAction(Require(userId), Actions.ActionNameRules.Validate(action, nameof(action)), this);
        JsonObjectCheck.EnsureObjectOrEmpty(data.Span, nameof(data));
        return _publisher.PublishAsync(Channels.ServerAction(userId), Keeps(ChannelKind.ServerAction), header, new RawData(data), ct);
    }

    /// <inheritdoc />
    public Task PublishGroupActionAsync(GroupId groupId, string action, ReadOnlyMemory<byte> data, CancellationToken ct = default)
        => PublishGroupActionAsync(groupId, action, data, null, ct);

    /// <inheritdoc />
    public Task PublishGroupActionAsync(GroupId groupId, string action, ReadOnlyMemory<byte> data, string? excludeConnectionId, CancellationToken ct = default)
    {
        var header = Header.GroupAction(Require(groupId), Actions.ActionNameRules.Validate(action, nameof(action)), excludeConnectionId, this);
        JsonObjectCheck.EnsureObjectOrEmpty(data.Span, nameof(data));
        return _publisher.PublishAsync(Channels.GroupAction(groupId), Keeps(ChannelKind.GroupAction), header, new RawData(data), ct);
    }

    Task IInstanceBroadcaster.PublishServerActionAsync<TAction>(UserId userId, TAction action, CancellationToken ct)
    {
        ThrowIfNull(action);
        return _publisher.PublishAsync(Channels.ServerAction(Require(userId)), TAction.IsRecoverable && Keeps(ChannelKind.ServerAction), Header.ServerAction(userId, TAction.ActionName, this), new TypedData<TAction>(action), ct);
    }

    Task IInstanceBroadcaster.PublishGroupActionAsync<TAction>(GroupId groupId, TAction action, string? excludeConnectionId, CancellationToken ct)
    {
        ThrowIfNull(action);
        return _publisher.PublishAsync(Channels.GroupAction(Require(groupId)), TAction.IsRecoverable && Keeps(ChannelKind.GroupAction), Header.GroupAction(groupId, TAction.ActionName, excludeConnectionId, this), new TypedData<TAction>(action), ct);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The topic is default, or the action name or data is invalid.</exception>
    public Task PublishToTopicAsync(Topic topic, string action, ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        var header = Header.TopicAction(Typed.Topic.Require(topic, nameof(topic)), Actions.ActionNameRules.Validate(action, nameof(action)), this);
        JsonObjectCheck.EnsureObjectOrEmpty(data.Span, nameof(data));
        return _publisher.PublishAsync(Channels.Topic(topic), toStream: false, header, new RawData(data), ct);
    }

    Task IInstanceBroadcaster.PublishTopicActionAsync<TAction>(Topic topic, TAction action, CancellationToken ct)
    {
        ThrowIfNull(action);
        var header = Header.TopicAction(Typed.Topic.Require(topic, nameof(topic)), TAction.ActionName, this);
        return _publisher.PublishAsync(Channels.Topic(topic), toStream: false, header, new TypedData<TAction>(action), ct);
    }

    void IInstanceBroadcaster.CountDropped(DropReason reason, int count) => _drops.Count(reason, count);

    /// <summary>The envelope headers this instance publishes: its id, the time, and for group actions the next seq.</summary>
    private static class Header
    {
        public static Envelope Broadcast(EnvelopeScope scope, string? groupId, string? userId, ReadOnlyMemory<byte> payload, string? excludeConnectionId, ChannelBroadcaster self) => new()
        {
            Type = EnvelopeType.Broadcast,
            Scope = scope,
            GroupId = groupId,
            UserId = userId,
            Payload = payload,
            ExcludeConnectionId = NullIfEmpty(excludeConnectionId),
            InstanceId = self.InstanceId,
            Timestamp = self.Now,
        };

        public static Envelope ServerAction(UserId userId, string action, ChannelBroadcaster self) => new()
        {
            Type = EnvelopeType.ServerAction,
            UserId = userId.Value,
            Action = action,
            InstanceId = self.InstanceId,
            Timestamp = self.Now,
        };

        public static Envelope GroupAction(GroupId groupId, string action, string? excludeConnectionId, ChannelBroadcaster self) => new()
        {
            Type = EnvelopeType.GroupAction,
            GroupId = groupId.Value,
            Action = action,
            Seq = self.NextSeq(),
            ExcludeConnectionId = NullIfEmpty(excludeConnectionId),
            InstanceId = self.InstanceId,
            Timestamp = self.Now,
        };

        public static Envelope TopicAction(Topic topic, string action, ChannelBroadcaster self) => new()
        {
            Type = EnvelopeType.TopicAction,
            GroupId = string.Empty, // Go always writes it, empty
            Topic = topic.Value,
            Action = action,
            Seq = self.NextSeq(), // the counter group actions use, as Go's
            InstanceId = self.InstanceId,
            Timestamp = self.Now,
        };

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
