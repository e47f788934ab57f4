using LiveTemplate.Typed.PubSub.Codec;
using LiveTemplate.Typed.PubSub.Telemetry;
using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.PubSub.Intake;

/// <summary>
/// What an envelope from the transport goes through before it is delivered: the size limit, the signature, decoding,
/// this instance's own echo and the channel's scope (for a pattern: the grammar's match); a topic action's second copy
/// is <see cref="TopicCopies"/>' to drop. Whatever fails is dropped, counted and logged with its channel; nothing here throws.
/// </summary>
internal sealed class EnvelopeIntake(string instanceId, int maxMessageBytes, EnvelopeSigner? signer, DropRecorder drops, ChannelNames names)
{
    private readonly EnvelopeReadContext _context = new(instanceId);

    /// <summary>The message to deliver, or null when the envelope was dropped or is this instance's echo.</summary>
    public PubSubMessage? Accept(ChannelSubscription subscription, ReadOnlyMemory<byte> envelope) => Accept(subscription, subscription.Channel, envelope);

    /// <summary>
    /// The message that arrived on <paramref name="channel"/> through <paramref name="subscription"/> (the same channel, or
    /// one a pattern subscription matched), or null when the envelope was dropped or is this instance's echo.
    /// </summary>
    public PubSubMessage? Accept(ChannelSubscription subscription, string channel, ReadOnlyMemory<byte> envelope)
    {
        if (envelope.Length > maxMessageBytes)
        {
            drops.Drop(channel, DropReason.Oversized, $"The envelope has {envelope.Length} bytes; the limit is {maxMessageBytes}.");
            return null;
        }

        if (signer is not null && !signer.Verify(channel, envelope.Span))
        {
            drops.Drop(channel, DropReason.BadSignature, "The envelope is not signed with this deployment's key.");
            return null;
        }

        var result = EnvelopeCodec.Decode(envelope, _context, subscription.ScopeId);
        if (result.IsEcho)
        {
            return null; // Our own echo: delivered locally when it was published.
        }

        if (!result.Success)
        {
            var error = result.Error!;
            drops.Drop(channel, error.Kind == EnvelopeErrorKind.UnknownType ? DropReason.UnknownType : DropReason.Malformed, error.Detail);
            return null;
        }

        var message = result.Message;
        if (!subscription.Carries(message) || (subscription.IsPattern && !IsOwnChannel(channel, message)))
        {
            drops.Drop(channel, DropReason.ScopeMismatch, $"A {message.ChannelKind} message does not belong on this channel.");
            return null;
        }

        return message;
    }

    // A topic action that came through a pattern must have come on its own topic's channel.
    private bool IsOwnChannel(string channel, PubSubMessage message)
        => message is TopicActionMessage t && string.Equals(names.TopicOf(channel), t.Topic.Value, StringComparison.Ordinal);
}
