using System.Diagnostics.Metrics;

namespace LiveTemplate.Typed.PubSub;

/// <summary>Settings every broadcaster shares.</summary>
public class BroadcasterOptions
{
    /// <summary>The shortest signing key accepted, in bytes.</summary>
    public const int MinSigningKeyBytes = 16;

    /// <summary>
    /// The longest wait any setting accepts (1 day): retry delays and timeouts here, the registry's and the host's
    /// timeouts. Longer ones would break the timers that wait for them.
    /// </summary>
    public static TimeSpan MaxWait { get; } = TimeSpan.FromDays(1);

    /// <summary>Creates the defaults.</summary>
    public BroadcasterOptions()
    {
    }

    /// <summary>Creates a copy of <paramref name="shared"/>'s settings (a transport's options start from the host's).</summary>
    protected BroadcasterOptions(BroadcasterOptions shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        ChannelPrefix = shared.ChannelPrefix;
        MaxMessageBytes = shared.MaxMessageBytes;
        ReconnectDelay = shared.ReconnectDelay;
        MaxReconnectDelay = shared.MaxReconnectDelay;
        RestoreTimeout = shared.RestoreTimeout;
        TimeProvider = shared.TimeProvider;
        SigningKey = shared.SigningKey;
        MeterFactory = shared.MeterFactory;
        History = shared.History;
        HistorySize = shared.HistorySize;
        HistoryIdleExpiry = shared.HistoryIdleExpiry;
    }

    /// <summary>The first part of every channel name (default <c>livetemplate</c>, as the Go project).</summary>
    public string ChannelPrefix { get; set; } = ChannelNames.DefaultPrefix;

    /// <summary>The largest envelope accepted, in bytes, both on publish and on receive (default 1 MiB).</summary>
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>The first delay before a failed subscribe or reconnect is retried; it doubles up to <see cref="MaxReconnectDelay"/> (default 1 s, at most 1 day).</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The cap on the retry delay (default 30 s, at most 1 day). Retries go on until the broadcaster is disposed.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one attempt to restore the subscriptions after the transport came back may take before it is abandoned
    /// and retried with backoff (default 30 s, at most 1 day).
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

    /// <summary>
    /// The kinds of channel whose messages get positions and a bounded history, so that instances fill the gaps an
    /// outage left and browsers resume where they were (default none: at-most-once, today's wire bytes). Every instance
    /// sharing the channels should use the same setting; see docs/recovery.md.
    /// </summary>
    public HistoryKinds History { get; set; }

    /// <summary>How many messages each channel's history keeps, at most (default 1,000); older ones are trimmed.</summary>
    public int HistorySize { get; set; } = 1000;

    /// <summary>
    /// How long a channel's history is kept after its last message (default 10 minutes); after that the stream starts
    /// again in a new epoch, and a receiver that was away longer cannot recover it (it is told so).
    /// </summary>
    public TimeSpan HistoryIdleExpiry { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Creates the <c>LiveTemplate.Typed</c> meter; when null the broadcaster creates its own.</summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>
    /// Why these settings cannot work, one sentence per problem naming the setting (<c>MaxMessageBytes must be at least
    /// 256 (was 10).</c>); empty when they can. A broadcaster refuses settings with problems; a host reports them all at
    /// start-up.
    /// </summary>
    public IReadOnlyList<string> GetErrors()
    {
        var errors = new List<string>();
        if (ChannelNames.Explain(ChannelPrefix) is { } prefix)
        {
            errors.Add($"{nameof(ChannelPrefix)}: {prefix}");
        }

        if (MaxMessageBytes < 256)
        {
            errors.Add($"{nameof(MaxMessageBytes)} must be at least 256 (was {MaxMessageBytes}).");
        }

        if (ReconnectDelay <= TimeSpan.Zero || ReconnectDelay > MaxWait)
        {
            errors.Add($"{nameof(ReconnectDelay)} must be positive and at most 1 day (was {ReconnectDelay}).");
        }

        if (MaxReconnectDelay < ReconnectDelay)
        {
            errors.Add($"{nameof(MaxReconnectDelay)} must be at least {nameof(ReconnectDelay)} (was {MaxReconnectDelay}, less than {ReconnectDelay}).");
        }
        else if (MaxReconnectDelay > MaxWait)
        {
            errors.Add($"{nameof(MaxReconnectDelay)} must be at most 1 day (was {MaxReconnectDelay}).");
        }

        if (RestoreTimeout <= TimeSpan.Zero || RestoreTimeout > MaxWait)
        {
            errors.Add($"{nameof(RestoreTimeout)} must be positive and at most 1 day (was {RestoreTimeout}).");
        }

        if (TimeProvider is null)
        {
            errors.Add($"{nameof(TimeProvider)} must not be null.");
        }

        if (SigningKey is { Length: < MinSigningKeyBytes } key)
        {
            errors.Add($"{nameof(SigningKey)} must be at least {MinSigningKeyBytes} bytes long (was {key.Length}); generate one with RandomNumberGenerator.GetBytes(32) and share it between instances as base64.");
        }

        if ((History & ~HistoryKinds.All) != 0)
        {
            errors.Add($"{nameof(History)} names an unknown kind of channel (was {(int)History}).");
        }

        if (HistorySize is < 1 or > 1_000_000)
        {
            errors.Add($"{nameof(HistorySize)} must be from 1 to 1000000 (was {HistorySize}).");
        }

        if (HistoryIdleExpiry < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{nameof(HistoryIdleExpiry)} must be at least 1 second (was {HistoryIdleExpiry}).");
        }

        return errors;
    }

    /// <summary>True when channels of <paramref name="kind"/> keep a history.</summary>
    internal bool HasHistory(ChannelKind kind) => (History & HistoryKindOf(kind)) != 0;

    internal static HistoryKinds HistoryKindOf(ChannelKind kind) => kind switch
    {
        ChannelKind.GlobalBroadcast => HistoryKinds.GlobalBroadcast,
        ChannelKind.GroupBroadcast => HistoryKinds.GroupBroadcast,
        ChannelKind.UserBroadcast => HistoryKinds.UserBroadcast,
        ChannelKind.ServerAction => HistoryKinds.ServerAction,
        ChannelKind.GroupAction => HistoryKinds.GroupAction,
        _ => HistoryKinds.None, // topics keep no history (docs/topics.md)
    };

    /// <summary>A copy of the shared settings: a broadcaster keeps its own, so changes made after it was created (never validated) do not reach it.</summary>
    internal BroadcasterOptions Snapshot() => new(this);

    internal void Validate()
    {
        if (GetErrors() is { Count: > 0 } errors)
        {
            throw new ArgumentException(string.Join(" ", errors));
        }
    }
}
