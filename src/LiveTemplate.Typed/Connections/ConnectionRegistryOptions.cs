using System.Diagnostics.Metrics;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Connections;

/// <summary>Settings of a <see cref="ConnectionRegistry"/>.</summary>
public sealed class ConnectionRegistryOptions
{
    /// <summary>How many messages a connection's outbound queue holds before it drops (default 1024).</summary>
    public int OutboundQueueCapacity { get; set; } = 1024;

    /// <summary>Which message a full queue drops (default <see cref="OutboundFullMode.DropIncoming"/>).</summary>
    public OutboundFullMode OutboundFullMode { get; set; } = OutboundFullMode.DropIncoming;

    /// <summary>
    /// How long registering waits for the transport to confirm the connection's channels (default 5 s). Past it, the
    /// connection is registered anyway: local delivery works at once and the subscriptions are confirmed when the
    /// transport is back. At most 1 day.
    /// </summary>
    public TimeSpan SubscribeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Creates the <c>LiveTemplate.Typed</c> meter; when null the registry creates its own.</summary>
    public IMeterFactory? MeterFactory { get; set; }

    internal void Validate()
    {
        if (OutboundQueueCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(OutboundQueueCapacity), OutboundQueueCapacity, "The outbound queue must hold at least one message.");
        }

        if (SubscribeTimeout <= TimeSpan.Zero || SubscribeTimeout > BroadcasterOptions.MaxWait)
        {
            throw new ArgumentOutOfRangeException(nameof(SubscribeTimeout), SubscribeTimeout, "SubscribeTimeout must be positive and at most 1 day.");
        }
    }
}
