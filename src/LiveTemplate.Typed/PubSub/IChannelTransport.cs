namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// What a broadcaster's collaborators need of its transport (Redis, the in-memory network): publish, subscribe and
/// unsubscribe one literal channel, and the two checks after an outage. <see cref="ChannelBroadcaster"/> implements it
/// over the members a derived transport overrides.
/// </summary>
internal interface IChannelTransport
{
    /// <summary>False while a publish would reach nobody else (an in-memory broadcaster alone on its network).</summary>
    bool CarriesMessages { get; }

    /// <summary>False while the transport is known to be away (Redis unreachable): no audit is tried until it is back.</summary>
    bool IsReachable { get; }

    /// <summary>Publishes an envelope (an array nobody changes, which the transport may keep referring to).</summary>
    Task PublishAsync(string channel, ReadOnlyMemory<byte> envelope, CancellationToken ct);

    /// <summary>Subscribes a channel; <paramref name="refresh"/> when it was subscribed but lost. Returns once confirmed.</summary>
    Task SubscribeAsync(ChannelSubscription subscription, bool refresh, CancellationToken ct);

    /// <summary>Unsubscribes a channel.</summary>
    Task UnsubscribeAsync(ChannelSubscription subscription, CancellationToken ct);

    /// <summary>After the transport came back: the channels of <paramref name="wanted"/> it no longer carries.</summary>
    Task<IReadOnlyList<ChannelSubscription>> FindLostAsync(IReadOnlyCollection<ChannelSubscription> wanted, CancellationToken ct);

    /// <summary>After the transport came back: makes sure it does not carry <paramref name="released"/> (let go of while it was away).</summary>
    Task ReleaseAgainAsync(IReadOnlyCollection<ChannelSubscription> released, CancellationToken ct);

    /// <summary>True when the transport keeps channel histories (positions, reads).</summary>
    bool KeepsHistory { get; }

    /// <summary>
    /// In one atomic step: assigns the channel's next position, stamps it on the envelope
    /// (<paramref name="tailLength"/> bytes before its end), keeps it in the bounded history and publishes it.
    /// </summary>
    Task<StreamPosition> AppendAsync(string channel, ReadOnlyMemory<byte> envelope, int tailLength, CancellationToken ct);

    /// <summary>
    /// Reads the channel's stream: its epoch and last offset, and up to <paramref name="maxCount"/> envelopes after
    /// <paramref name="after"/> (from the oldest kept one when the epoch is another), starting with the one at
    /// <paramref name="after"/> itself when <paramref name="includeAfter"/> and it is still kept.
    /// </summary>
    Task<StreamSlice> ReadAsync(string channel, StreamPosition? after, bool includeAfter, int maxCount, CancellationToken ct);

    /// <summary>
    /// The channel's head (epoch and last offset), creating the stream empty when it does not exist: a reader then
    /// holds a real epoch, so that a stream created and lost while it was away shows as a new epoch, not as nothing.
    /// </summary>
    Task<StreamSlice> OpenAsync(string channel, CancellationToken ct);
}
