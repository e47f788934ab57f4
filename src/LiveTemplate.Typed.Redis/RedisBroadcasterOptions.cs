using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Redis;

/// <summary>Settings of a <see cref="RedisBroadcaster"/>: those of every broadcaster plus Redis-specific ones.</summary>
public sealed class RedisBroadcasterOptions : BroadcasterOptions
{
    /// <summary>
    /// How long one attempt to restore the subscriptions after a reconnect may take before it is abandoned and
    /// retried with backoff (default 30 s).
    /// </summary>
    public TimeSpan RestoreTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
