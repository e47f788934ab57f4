using System.Collections.Concurrent;
using LiveTemplate.Typed.PubSub;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveTemplate.Typed.Benchmarks.Publishing;

/// <summary>
/// The SDK's broadcaster over a transport that does nothing: publishing measures our code alone (encoding, checks,
/// local dispatch), and <see cref="ReceiveAsync"/> feeds an envelope in as if it had come from Redis.
/// </summary>
public sealed class NullTransportBroadcaster : ChannelBroadcaster
{
    public NullTransportBroadcaster()
        : base(new BroadcasterOptions(), NullLogger.Instance)
        => Start();

    /// <summary>The channels subscribed on the (imaginary) transport.</summary>
    public ConcurrentDictionary<string, ChannelSubscription> Subscribed { get; } = new(StringComparer.Ordinal);

    /// <summary>Handles an envelope as if the transport had delivered it on <paramref name="subscription"/>'s channel.</summary>
    public ValueTask ReceiveAsync(ChannelSubscription subscription, ReadOnlyMemory<byte> envelope) => OnTransportMessageAsync(subscription, envelope);

    protected override Task PublishToTransportAsync(string channel, ReadOnlyMemory<byte> envelope, CancellationToken ct) => Task.CompletedTask;

    protected override Task SubscribeToTransportAsync(ChannelSubscription subscription, bool refresh, CancellationToken ct)
    {
        Subscribed[subscription.Channel] = subscription;
        return Task.CompletedTask;
    }

    protected override Task UnsubscribeFromTransportAsync(ChannelSubscription subscription, CancellationToken ct)
    {
        Subscribed.TryRemove(subscription.Channel, out _);
        return Task.CompletedTask;
    }
}
