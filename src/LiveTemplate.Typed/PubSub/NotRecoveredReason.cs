namespace LiveTemplate.Typed.PubSub;

/// <summary>Why messages of a channel's stream could not be recovered (the <c>reason</c> tag of <c>livetemplate.streams.not_recovered</c>).</summary>
public enum NotRecoveredReason
{
    /// <summary>The missed messages were trimmed from the history (more than <see cref="BroadcasterOptions.HistorySize"/> since; tag <c>trimmed</c>).</summary>
    Trimmed,

    /// <summary>The stream started a new epoch: its history was lost (Redis restarted without persistence, expiry, eviction; tag <c>epoch_changed</c>).</summary>
    EpochChanged,

    /// <summary>The stream no longer exists (expired after <see cref="BroadcasterOptions.HistoryIdleExpiry"/>, evicted, or Redis lost it; tag <c>stream_missing</c>).</summary>
    StreamMissing,

    /// <summary>The stream went back: messages already seen are gone from it (a Redis restart that lost recent writes, a failover to a replica that lacked them; tag <c>rewound</c>).</summary>
    Rewound,

    /// <summary>The history could not be read (the transport was away when a client resumed; tag <c>unavailable</c>).</summary>
    Unavailable,
}
