namespace LiveTemplate.Typed.PubSub;

/// <summary>Why a message was not delivered; the <c>reason</c> tag of the <c>livetemplate.messages.dropped</c> counter.</summary>
public enum DropReason
{
    /// <summary>The envelope was not valid JSON or lacked or mistyped a field (tag <c>malformed</c>).</summary>
    Malformed,

    /// <summary>The envelope was larger than <see cref="BroadcasterOptions.MaxMessageBytes"/> (tag <c>oversized</c>).</summary>
    Oversized,

    /// <summary>The envelope's <c>type</c> is not one this reader handles (tag <c>unknown_type</c>).</summary>
    UnknownType,

    /// <summary>The envelope's kind or scope id does not match the channel it came on (tag <c>scope_mismatch</c>).</summary>
    ScopeMismatch,

    /// <summary>A subscriber's handler threw (tag <c>handler_error</c>).</summary>
    HandlerError,

    /// <summary>A connection's outbound queue was full (tag <c>queue_full</c>).</summary>
    QueueFull,

    /// <summary>Signing is on and the envelope's signature was missing or wrong (tag <c>bad_signature</c>).</summary>
    BadSignature,

    /// <summary>
    /// The second copy of a topic action (same instanceID and seq) this instance already delivered: expected when it holds
    /// an exact and a matching pattern subscription, each of which carries the publish (tag <c>duplicate_copy</c>).
    /// </summary>
    DuplicateCopy,

    /// <summary>
    /// A message whose stream position its channel's stream does not hold (another epoch, or past the stream's head,
    /// as a forged or stale message carries), checked against the history before it is dropped (tag <c>not_in_stream</c>).
    /// </summary>
    NotInStream,
}
