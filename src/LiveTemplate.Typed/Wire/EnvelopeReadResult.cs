using System.Diagnostics.CodeAnalysis;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Wire;

/// <summary>The outcome of <see cref="EnvelopeReader.Read(ReadOnlyMemory{byte})"/>: a message or a typed error, never both.</summary>
public readonly struct EnvelopeReadResult
{
    private EnvelopeReadResult(PubSubMessage? message, EnvelopeError? error, bool isEcho = false)
    {
        Message = message;
        Error = error;
        IsEcho = isEcho;
    }

    /// <summary>The decoded message, when <see cref="Success"/>.</summary>
    public PubSubMessage? Message { get; }

    /// <summary>Why decoding failed, when not <see cref="Success"/>.</summary>
    public EnvelopeError? Error { get; }

    /// <summary>True when a message was decoded.</summary>
    [MemberNotNullWhen(true, nameof(Message))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Message is not null;

    /// <summary>
    /// True when a broadcaster's reader recognised a valid envelope of the broadcaster's own (its echo): no message was
    /// built. Only the internal reader with a context returns it; then neither <see cref="Message"/> nor <see cref="Error"/> is set.
    /// </summary>
    internal bool IsEcho { get; }

    internal static EnvelopeReadResult Echo => new(null, null, isEcho: true);

    internal static EnvelopeReadResult Ok(PubSubMessage message) => new(message, null);

    internal static EnvelopeReadResult Fail(EnvelopeErrorKind kind, string detail) => new(null, new EnvelopeError(kind, detail));
}
