namespace LiveTemplate.Typed.Presence;

/// <summary>Settings of a presence tracker: liveness, the metadata bound and what a member is. Every instance sharing a store must use the same.</summary>
public class PresenceOptions
{
    /// <summary>Creates the defaults.</summary>
    public PresenceOptions()
    {
    }

    /// <summary>Creates a copy of <paramref name="shared"/>'s settings.</summary>
    protected PresenceOptions(PresenceOptions shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        HeartbeatInterval = shared.HeartbeatInterval;
        Timeout = shared.Timeout;
        MaxMetadataBytes = shared.MaxMetadataBytes;
        Events = shared.Events;
        TimeProvider = shared.TimeProvider;
    }

    /// <summary>How often an instance renews its liveness and looks for instances whose liveness expired (default 1 s).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long an instance's liveness lasts without a heartbeat (default 5 s): an instance silent for longer (crashed,
    /// or paused that long) has its members removed, each leave announced once. A pause shorter than this changes nothing.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest metadata accepted for one connection, in UTF-8 bytes (default 1 KiB).</summary>
    public int MaxMetadataBytes { get; set; } = 1024;

    /// <summary>What a member of a group is: a user (the default) or each connection.</summary>
    public PresenceEvents Events { get; set; } = PresenceEvents.PerUser;

    /// <summary>The clock of heartbeats and timestamps.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Why these settings cannot work, one sentence per problem naming the setting; empty when they can.</summary>
    public IReadOnlyList<string> GetErrors()
    {
        var errors = new List<string>();
        if (HeartbeatInterval < TimeSpan.FromMilliseconds(10))
        {
            errors.Add($"Presence.{nameof(HeartbeatInterval)} must be at least 10 ms (was {HeartbeatInterval}).");
        }

        if (Timeout < HeartbeatInterval * 2)
        {
            errors.Add($"Presence.{nameof(Timeout)} must be at least twice {nameof(HeartbeatInterval)} (was {Timeout}, with a heartbeat every {HeartbeatInterval}).");
        }

        if (MaxMetadataBytes is < 2 or > 64 * 1024)
        {
            errors.Add($"Presence.{nameof(MaxMetadataBytes)} must be from 2 to 65536 (was {MaxMetadataBytes}).");
        }

        if (!Enum.IsDefined(Events))
        {
            errors.Add($"Presence.{nameof(Events)} must be {nameof(PresenceEvents.PerUser)} or {nameof(PresenceEvents.PerConnection)} (was {(int)Events}).");
        }

        if (TimeProvider is null)
        {
            errors.Add($"Presence.{nameof(TimeProvider)} must not be null.");
        }

        return errors;
    }
}
