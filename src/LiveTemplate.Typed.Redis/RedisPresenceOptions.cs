using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Presence;

namespace LiveTemplate.Typed.Redis;

/// <summary>Settings of a <see cref="RedisPresence"/>: those of every presence tracker plus where its keys and events live.</summary>
public sealed class RedisPresenceOptions : PresenceOptions
{
    /// <summary>Creates the defaults.</summary>
    public RedisPresenceOptions()
    {
    }

    /// <summary>Starts from the settings every presence tracker shares (the host's, for example).</summary>
    public RedisPresenceOptions(PresenceOptions shared)
        : base(shared)
    {
    }

    /// <summary>The first part of every key and channel name (default <c>livetemplate</c>; the broadcaster's channel prefix in a hosted app).</summary>
    public string Prefix { get; set; } = ChannelNames.DefaultPrefix;

    /// <summary>Publish and subscribe presence events with sharded pub/sub (<c>SPUBLISH</c>/<c>SSUBSCRIBE</c>), as the broadcaster's setting of the same name.</summary>
    public bool UseShardedPubSub { get; set; }
}
