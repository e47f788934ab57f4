using LiveTemplate.Typed.PubSub.Codec;
using LiveTemplate.Typed.PubSub.Telemetry;
using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.PubSub.Intake;

/// <summary>
/// What an envelope from the transport goes through before it is delivered: the size limit, the signature, decoding,
/// this instance's own echo and the channel's scope. Whatever fails is dropped, counted and logged with its channel;
/// nothing here throws.
/// </summary>
internal sealed class EnvelopeIntake(string instanceId, int maxMessageBytes, EnvelopeSigner? signer, DropRecorder drops)
{
    private readonly EnvelopeReadContext _context = new(instanceId);

    /// <summary>The message to deliver, or null when the envelope was dropped or is this instance's echo.</summary>
    public PubSubMessage? Accept(ChannelSubscription subscription, ReadOnlyMemory<byte> envelope)
    {
        var channel = subscription.Channel;
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
        if (!subscription.Carries(message))
        {
            drops.Drop(channel, DropReason.ScopeMismatch, $"A {message.ChannelKind} message does not belong on this channel.");
            return null;
        }

        return message;
    }
}
