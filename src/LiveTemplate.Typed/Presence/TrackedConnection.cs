namespace LiveTemplate.Typed.Presence;

/// <summary>A connection this instance tracks, kept so that it can be written again after the store lost it.</summary>
internal sealed class TrackedConnection(string id, GroupId groupId, UserId? userId, ReadOnlyMemory<byte> metadata, DateTimeOffset since)
{
    /// <summary>Serialises the writes of this one connection (its own changes, and re-assertion).</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public string Id { get; } = id;

    public GroupId GroupId { get; } = groupId;

    public UserId? UserId { get; } = userId;

    public ReadOnlyMemory<byte> Metadata { get; set; } = metadata;

    public DateTimeOffset Since { get; } = since;

    public DateTimeOffset Updated { get; set; } = since;

    /// <summary>True while the store may lack the latest state (a write failed): the next heartbeat writes it again.</summary>
    public bool Dirty { get; set; }

    /// <summary>True once untracked: a re-assertion in flight must not bring it back.</summary>
    public bool Removed { get; set; }
}
