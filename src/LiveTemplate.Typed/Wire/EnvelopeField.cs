namespace LiveTemplate.Typed.Wire;

/// <summary>A field of the Go envelopes (see <see cref="EnvelopeFields"/> for their names on the wire).</summary>
internal enum EnvelopeField : byte
{
    /// <summary>A field this reader does not know; its value is skipped.</summary>
    Unknown,
    Type,
    Scope,
    GroupId,
    UserId,
    Action,
    InstanceId,
    ExcludeConnectionId,
    Topic,
    Payload,
    Data,
    Timestamp,
    Seq,

    /// <summary>Ours, not Go's: the W3C trace context of the publish (Go ignores it).</summary>
    TraceParent,

    /// <summary>Ours, not Go's: the epoch of the message's stream (channels with history).</summary>
    Epoch,

    /// <summary>Ours, not Go's: the message's offset in its stream (channels with history).</summary>
    Position,
}
