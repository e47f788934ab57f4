using LiveTemplate.Typed.PubSub.Codec;
using LiveTemplate.Typed.PubSub.Delivery;
using LiveTemplate.Typed.PubSub.Subscriptions;
using LiveTemplate.Typed.PubSub.Telemetry;
using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.PubSub.Publishing;

/// <summary>
/// One publish: encode the envelope (signed when there is a key), check its size, deliver to this instance's own
/// handlers first when it wants the channel, then hand the envelope to the transport.
/// </summary>
/// <remarks>
/// The failure rule: data that cannot be written (a typed action with a NaN, nested too deep) throws from the call,
/// before anything is delivered, as serialising it first would; every other failure (disposed, cancelled, over
/// <see cref="BroadcasterOptions.MaxMessageBytes"/>, the transport) comes back in the returned task. Only the wait for
/// the transport (and for local handlers that do not complete at once) is asynchronous.
/// </remarks>
internal sealed class PublishPipeline(
    IChannelTransport transport,
    SubscriptionTable subscriptions,
    LocalDelivery delivery,
    EnvelopeSigner? signer,
    int maxMessageBytes,
    BroadcasterMetrics metrics,
    Func<bool> isDisposed,
    string ownerName)
{
    /// <summary>
    /// Publishes <paramref name="header"/> with <paramref name="data"/> on <paramref name="channel"/>; when
    /// <paramref name="toStream"/> (the channel keeps a history) through the transport's stream, with no local-first
    /// delivery: this instance's handlers get it back in stream order, with its position, like every other instance.
    /// </summary>
    public Task PublishAsync<TData>(string channel, bool toStream, in Envelope header, TData data, CancellationToken ct)
        where TData : IPublishData
    {
        if (isDisposed())
        {
            return Task.FromException(new ObjectDisposedException(ownerName));
        }

        if (ct.IsCancellationRequested)
        {
            return Task.FromCanceled(ct);
        }

        var activity = BroadcasterTracing.StartPublish(channel, in header, out var traceParent);
        if (traceParent is null)
        {
            return Publish(channel, toStream, in header, data, ct);
        }

        // The span's context travels in the envelope, and on the local copy, to whoever handles the message.
        var traced = header;
        traced.TraceParent = traceParent;
        try
        {
            var publishing = Publish(channel, toStream, in traced, data, ct);
            return activity is null ? publishing : BroadcasterTracing.EndWhenDoneAsync(publishing, activity);
        }
        catch
        {
            activity?.Dispose();
            throw;
        }
    }

    private Task Publish<TData>(string channel, bool toStream, in Envelope header, TData data, CancellationToken ct)
        where TData : IPublishData
    {
        if (toStream)
        {
            return AppendAsync(channel, in header, data, ct);
        }

        // Writing the data is the one step allowed to throw (see the remarks).
        var encoded = Encode(channel, in header, data);
        if (encoded.Envelope is { Length: var length } && length > maxMessageBytes)
        {
            return Task.FromException(new ArgumentException($"The message encodes to {length} bytes; MaxMessageBytes is {maxMessageBytes}. Nothing was delivered.", nameof(data)));
        }

        metrics.Published();
        var localDelivery = subscriptions.IsWanted(channel)
            ? delivery.DeliverAsync(channel, EnvelopeCodec.ToMessage(in header, encoded.Data))
            : ValueTask.CompletedTask;
        return localDelivery.IsCompletedSuccessfully
            ? SendAsync(channel, encoded.Envelope, ct)
            : SendAfterLocalDeliveryAsync(localDelivery, channel, encoded.Envelope, ct);
    }

    private Task AppendAsync<TData>(string channel, in Envelope header, TData data, CancellationToken ct)
        where TData : IPublishData
    {
        var envelope = EnvelopeWriter.ToArray(in header, data, signer, channel, out _);
        if (envelope.Length + StreamStamp.MaxLength > maxMessageBytes)
        {
            return Task.FromException(new ArgumentException($"The message encodes to {envelope.Length} bytes and its stream position adds up to {StreamStamp.MaxLength}; MaxMessageBytes is {maxMessageBytes}. Nothing was delivered.", nameof(data)));
        }

        metrics.Published();
        Task sending;
        try
        {
            sending = transport.AppendAsync(channel, envelope, StreamStamp.TailLength(signer is not null), ct);
        }
        catch (Exception ex)
        {
            sending = Task.FromException(ex);
        }

        return sending.IsCompletedSuccessfully ? Task.CompletedTask : CompleteSendAsync(sending, channel, ct);
    }

    private Encoded Encode<TData>(string channel, in Envelope header, TData data)
        where TData : IPublishData
    {
        if (!transport.CarriesMessages)
        {
            // Nothing leaves this process: when the envelope is certainly within MaxMessageBytes it would only have
            // been measured, so it is not written.
            var alone = data.EncodeAlone();
            if (EnvelopeWriter.MaxLength(in header, alone.Length, signed: signer is not null) <= maxMessageBytes)
            {
                return new Encoded(null, alone);
            }
        }

        var envelope = EnvelopeWriter.ToArray(in header, data, signer, channel, out var dataRange);
        return new Encoded(envelope, envelope.AsMemory(dataRange));
    }

    private async Task SendAfterLocalDeliveryAsync(ValueTask localDelivery, string channel, byte[]? envelope, CancellationToken ct)
    {
        await localDelivery.ConfigureAwait(false);
        await SendAsync(channel, envelope, ct).ConfigureAwait(false);
    }

    private Task SendAsync(string channel, byte[]? envelope, CancellationToken ct)
    {
        if (envelope is null)
        {
            return Task.CompletedTask;
        }

        Task sending;
        try
        {
            sending = transport.PublishAsync(channel, envelope, ct);
        }
        catch (Exception ex)
        {
            sending = Task.FromException(ex);
        }

        return sending.IsCompletedSuccessfully ? Task.CompletedTask : CompleteSendAsync(sending, channel, ct);
    }

    private static async Task CompleteSendAsync(Task sending, string channel, CancellationToken ct)
    {
        try
        {
            await sending.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not BroadcasterException)
        {
            throw new PublishFailedException(channel, ex);
        }
    }

    /// <summary>The envelope (null when none was written) and where the action data is, as encoded.</summary>
    private readonly record struct Encoded(byte[]? Envelope, ReadOnlyMemory<byte> Data);
}
