using System.Diagnostics.CodeAnalysis;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Wire;

/// <summary>The outcome of <see cref="EnvelopeReader.Read"/>: a message or a typed error, never both.</summary>
public readonly struct EnvelopeReadResult
{
    private EnvelopeReadResult(PubSubMessage? message, EnvelopeError? error)
    {
        Message = message;
        Error = error;
    }

    /// <summary>The decoded message, when <see cref="Success"/>.</summary>
    public PubSubMessage? Message { get; }

    /// <summary>Why decoding failed, when not <see cref="Success"/>.</summary>
    public EnvelopeError? Error { get; }

    /// <summary>True when a message was decoded.</summary>
    [MemberNotNullWhen(true, nameof(Message))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Message is not null;

    internal static EnvelopeReadResult Ok(PubSubMessage message) => new(message, null);

    internal static EnvelopeReadResult Fail(EnvelopeErrorKind kind, string detail) => new(null, new EnvelopeError(kind, detail));
}
