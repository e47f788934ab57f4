using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Redis;

/// <summary>Settings of a <see cref="RedisBroadcaster"/>: those of every broadcaster plus Redis-specific ones.</summary>
public sealed class RedisBroadcasterOptions : BroadcasterOptions
{
    /// <summary>Creates the defaults.</summary>
    public RedisBroadcasterOptions()
    {
    }

    /// <summary>Starts from the settings every broadcaster shares (the host's, for example), Redis's own at their defaults.</summary>
    public RedisBroadcasterOptions(BroadcasterOptions shared)
        : base(shared)
    {
    }

    /// <summary>
    /// Use Redis 7 sharded pub/sub (<c>SPUBLISH</c>/<c>SSUBSCRIBE</c>) for every channel, the global one included.
    /// On a Redis Cluster a message then travels only to the shard that owns its channel instead of to every node.
    /// Every instance sharing the channels must use the same setting (a sharded subscriber does not see a plain
    /// publish); livetemplate (Go) publishes plain, so leave it off when Go instances share the channels.
    /// </summary>
    public bool UseShardedPubSub { get; set; }
}
