using System.Diagnostics.Metrics;

namespace LiveTemplate.Typed.PubSub;

/// <summary>Settings every broadcaster shares.</summary>
public class BroadcasterOptions
{
    /// <summary>The first part of every channel name (default <c>livetemplate</c>, as the Go project).</summary>
    public string ChannelPrefix { get; set; } = ChannelNames.DefaultPrefix;

    /// <summary>The largest envelope accepted, in bytes, both on publish and on receive (default 1 MiB).</summary>
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>The first delay before a failed subscribe or reconnect is retried; it doubles up to <see cref="MaxReconnectDelay"/> (default 1 s).</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The cap on the retry delay (default 30 s). Retries go on until the broadcaster is disposed.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one attempt to restore the subscriptions after the transport came back may take before it is abandoned
    /// and retried with backoff (default 30 s).
    /// </summary>
    public TimeSpan RestoreTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock used for timestamps and retry delays.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Off by default. When set (at least 16 bytes, the same on every instance), every envelope carries an
    /// HMAC-SHA256 of its content and channel, and envelopes without a valid one (injected by another Redis client,
    /// or sent by an instance without the key, Go instances included) are dropped and counted as <c>bad_signature</c>.
    /// </summary>
    public byte[]? SigningKey { get; set; }

    /// <summary>Creates the <c>LiveTemplate.Typed</c> meter; when null the broadcaster creates its own.</summary>
    public IMeterFactory? MeterFactory { get; set; }

    internal void Validate()
    {
        _ = new ChannelNames(ChannelPrefix);
        if (MaxMessageBytes < 256)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMessageBytes), MaxMessageBytes, "MaxMessageBytes must be at least 256.");
        }

        if (ReconnectDelay <= TimeSpan.Zero || MaxReconnectDelay < ReconnectDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(ReconnectDelay), ReconnectDelay, "ReconnectDelay must be positive and no larger than MaxReconnectDelay.");
        }

        if (RestoreTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RestoreTimeout), RestoreTimeout, "RestoreTimeout must be positive.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (SigningKey is { Length: < 16 })
        {
            throw new ArgumentException("SigningKey must be at least 16 bytes long.", nameof(SigningKey));
        }
    }
}
