namespace LiveTemplate.Typed.Wire;

/// <summary>
/// The fields of one envelope as they travel, the shape of Go's three message structs together: what the reader
/// decoded (strings and bytes, unvalidated beyond their JSON types) or what the writer is to encode. Which fields
/// matter depends on <see cref="Type"/>; the others are null or default.
/// </summary>
internal struct Envelope
{
    /// <summary>Which message this is.</summary>
    public EnvelopeType Type;

    /// <summary>A broadcast's scope; null when the field was absent (or for actions).</summary>
    public EnvelopeScope? Scope;

    /// <summary><c>groupID</c>: the group of a group action or group broadcast.</summary>
    public string? GroupId;

    /// <summary><c>userID</c>: the user of a server action or user broadcast.</summary>
    public string? UserId;

    /// <summary><c>excludeConnID</c>: a connection that must not get the message.</summary>
    public string? ExcludeConnectionId;

    /// <summary><c>topic</c>.</summary>
    public string? Topic;

    /// <summary><c>action</c>: an action's name.</summary>
    public string? Action;

    /// <summary><c>instanceID</c>: the publishing instance.</summary>
    public string? InstanceId;

    /// <summary><c>payload</c>: a broadcast's bytes (base64 on the wire); empty when absent or null.</summary>
    public ReadOnlyMemory<byte> Payload;

    /// <summary><c>data</c>: an action's JSON object, referring into the envelope read; empty when absent or null.</summary>
    public ReadOnlyMemory<byte> Data;

    /// <summary><c>timestamp</c>: when it was published.</summary>
    public DateTimeOffset Timestamp;

    /// <summary><c>seq</c>: the sender's per-instance sequence number (0 when absent or null).</summary>
    public ulong Seq;

    /// <summary><c>traceparent</c> (ours, Go ignores it): the W3C trace context of the publish, or null.</summary>
    public string? TraceParent;

    /// <summary><c>epoch</c>: the epoch of the message's stream, when the transport stamped a position (history on).</summary>
    public string? Epoch;

    /// <summary><c>pos</c>: the message's offset in its stream; 0 when it has none.</summary>
    public ulong Position;

    /// <summary>The unrecognised <c>type</c> value (shortened), when <see cref="Type"/> is <see cref="EnvelopeType.Unknown"/>.</summary>
    public string? UnknownType;

    /// <summary>True when <see cref="GroupId"/> is the reader's expected scope id (the channel's, already valid).</summary>
    public bool GroupIdIsExpected;

    /// <summary>True when <see cref="UserId"/> is the reader's expected scope id (the channel's, already valid).</summary>
    public bool UserIdIsExpected;

    /// <summary>True when <see cref="Action"/> came from the read context's remembered (valid) names.</summary>
    public bool ActionIsKnown;

    /// <summary>True when <see cref="InstanceId"/> came from the read context's remembered ids.</summary>
    public bool InstanceIdIsKnown;

    /// <summary>True when <see cref="InstanceId"/> is the read context's own instance id: this instance's echo.</summary>
    public bool IsEcho;
}
