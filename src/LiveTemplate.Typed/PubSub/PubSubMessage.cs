namespace LiveTemplate.Typed.PubSub;

/// <summary>What every message carried between instances has: who sent it and when.</summary>
public abstract class PubSubMessage
{
    private protected PubSubMessage(string instanceId, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        InstanceId = instanceId;
        Timestamp = timestamp;
    }

    /// <summary>The id of the instance that published the message; an instance drops its own echo by it.</summary>
    public string InstanceId { get; }

    /// <summary>When the message was published (the publisher's clock).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The kind of channel the message travels on.</summary>
    public abstract ChannelKind ChannelKind { get; }
}
