using System.Diagnostics.CodeAnalysis;
using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.PubSub.Codec;

/// <summary>The outcome of decoding one envelope into a message: the message, this instance's own echo, or why not.</summary>
internal readonly struct EnvelopeReadResult
{
    private EnvelopeReadResult(PubSubMessage? message, EnvelopeError? error, bool isEcho)
    {
        Message = message;
        Error = error;
        IsEcho = isEcho;
    }

    /// <summary>The decoded message, when decoding succeeded.</summary>
    public PubSubMessage? Message { get; }

    /// <summary>What was wrong, when decoding failed.</summary>
    public EnvelopeError? Error { get; }

    /// <summary>True when a message was decoded.</summary>
    [MemberNotNullWhen(true, nameof(Message))]
    public bool Success => Message is not null;

    /// <summary>True when the envelope is valid and was published by this instance (delivered locally already).</summary>
    public bool IsEcho { get; }

    public static EnvelopeReadResult Echo { get; } = new(null, null, isEcho: true);

    public static EnvelopeReadResult Ok(PubSubMessage message) => new(message, null, isEcho: false);

    public static EnvelopeReadResult Fail(EnvelopeError error) => new(null, error, isEcho: false);
}
