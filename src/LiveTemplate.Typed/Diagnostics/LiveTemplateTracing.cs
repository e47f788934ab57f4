using System.Diagnostics;

namespace LiveTemplate.Typed.Diagnostics;

/// <summary>
/// The <see cref="ActivitySource"/> every LiveTemplate.Typed component traces with, its span names and attributes.
/// A publish carries its W3C trace context in the envelope (the extra field <c>traceparent</c>, which Go ignores), so
/// one trace shows a browser action on one instance, the hop through Redis and the delivery on another. With no
/// listener on the source, nothing is created and the envelope carries no context.
/// </summary>
public static class LiveTemplateTracing
{
    /// <summary>The source's name: pass it to your tracer (for example OpenTelemetry's <c>AddSource</c>).</summary>
    public const string SourceName = "LiveTemplate.Typed";

    /// <summary>Span (producer): one publish on this instance, local delivery and the send to the transport.</summary>
    public const string Publish = "livetemplate.publish";

    /// <summary>Span (consumer): one message from another instance, accepted and handed to this instance's handlers.</summary>
    public const string Receive = "livetemplate.receive";

    /// <summary>Span (internal): one action run by one connection's handler.</summary>
    public const string Dispatch = "livetemplate.dispatch";

    /// <summary>Attribute: the channel a message travels on.</summary>
    public const string ChannelAttribute = "messaging.destination.name";

    /// <summary>Attribute: <c>livetemplate</c>, the messaging system.</summary>
    public const string SystemAttribute = "messaging.system";

    /// <summary>Attribute: the action's name.</summary>
    public const string ActionAttribute = "livetemplate.action";

    /// <summary>Attribute: the message's kind (<c>server_action</c>, <c>group_action</c>, <c>broadcast</c>).</summary>
    public const string KindAttribute = "livetemplate.kind";

    /// <summary>Attribute: the instance that published the message.</summary>
    public const string InstanceAttribute = "livetemplate.instance";

    /// <summary>Attribute: the connection whose handler runs the action.</summary>
    public const string ConnectionAttribute = "livetemplate.connection";

    /// <summary>Attribute: the dispatch's outcome (<c>Handled</c>, <c>UnknownAction</c>, <c>InvalidData</c>, <c>WrongScope</c>).</summary>
    public const string OutcomeAttribute = "livetemplate.outcome";

    internal static ActivitySource Source { get; } = new(SourceName);
}
