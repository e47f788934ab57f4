namespace LiveTemplate.Typed.Diagnostics;

/// <summary>
/// The name of the meter every LiveTemplate.Typed component reports to, and of its instruments. Each
/// measurement carries the reporting instance's id as the meter tag <c>livetemplate.instance</c>.
/// </summary>
public static class LiveTemplateMeter
{
    /// <summary>The meter's name: pass it to your metrics exporter (for example OpenTelemetry's <c>AddMeter</c>).</summary>
    public const string Name = "LiveTemplate.Typed";

    /// <summary>The meter tag that names the reporting instance.</summary>
    public const string InstanceTag = "livetemplate.instance";

    /// <summary>Counter: messages published by this instance.</summary>
    public const string Published = "livetemplate.messages.published";

    /// <summary>Counter: valid messages received from other instances.</summary>
    public const string Received = "livetemplate.messages.received";

    /// <summary>Counter: messages handed to a local connection's outbound queue.</summary>
    public const string Delivered = "livetemplate.messages.delivered";

    /// <summary>Counter: messages dropped, tagged <c>reason</c> (see <c>DropReason</c>).</summary>
    public const string Dropped = "livetemplate.messages.dropped";

    /// <summary>Counter: times the subscriptions were restored after the transport came back.</summary>
    public const string Reconnects = "livetemplate.reconnects";

    /// <summary>Counter: messages a receiver had missed and delivered from a channel's history.</summary>
    public const string Recovered = "livetemplate.messages.recovered";

    /// <summary>Counter: losses a channel's history could not repair, tagged <c>reason</c> (see <c>NotRecoveredReason</c>).</summary>
    public const string NotRecovered = "livetemplate.streams.not_recovered";

    /// <summary>Gauge: channels currently subscribed.</summary>
    public const string ActiveSubscriptions = "livetemplate.subscriptions.active";

    /// <summary>Gauge: connections currently registered on this instance.</summary>
    public const string ActiveConnections = "livetemplate.connections.active";

    /// <summary>
    /// Histogram, in milliseconds: from a message's publish timestamp (the publisher's clock) to its delivery to this
    /// instance's handlers, for messages from other instances; tagged <see cref="KindTag"/>.
    /// </summary>
    public const string DeliveryLag = "livetemplate.delivery.lag";

    /// <summary>The tag that names a message's kind: <c>server_action</c>, <c>group_action</c>, <c>topic_action</c> or <c>broadcast</c>.</summary>
    public const string KindTag = "kind";
}
