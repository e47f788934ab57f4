namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// What the SDK's own components (the typed publish extensions, the connection registry) use of a broadcaster built
/// on <see cref="ChannelBroadcaster"/>, reached through this interface rather than a type test on the class.
/// </summary>
internal interface IInstanceBroadcaster
{
    /// <summary>This instance's id: stamped on what it publishes, and how it recognises its echo.</summary>
    string InstanceId { get; }

    /// <summary>Publishes a typed server action, written by its generated code straight into the envelope.</summary>
    Task PublishServerActionAsync<TAction>(UserId userId, TAction action, CancellationToken ct)
        where TAction : IServerAction<TAction>;

    /// <summary>Publishes a typed group action, written by its generated code straight into the envelope.</summary>
    Task PublishGroupActionAsync<TAction>(GroupId groupId, TAction action, string? excludeConnectionId, CancellationToken ct)
        where TAction : IGroupAction<TAction>;

    /// <summary>Publishes a typed topic action, written by its generated code straight into the envelope.</summary>
    Task PublishTopicActionAsync<TAction>(Topic topic, TAction action, CancellationToken ct)
        where TAction : ITopicAction<TAction>;

    /// <summary>Counts messages dropped outside the broadcaster (a connection's full queue), under the broadcaster's drop counters.</summary>
    void CountDropped(DropReason reason, int count);
}
