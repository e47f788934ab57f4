using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis.History;

/// <summary>
/// The two keys of a channel's history: <c>{tag}channel|head</c> (a hash: the epoch <c>e</c> and the last offset
/// <c>t</c>) and <c>{tag}channel|log</c> (a list of the last stamped envelopes). The tag is one that hashes to the
/// channel's own cluster slot, so the keys and the channel live on the same shard (sharded pub/sub included).
/// </summary>
internal static class HistoryKeys
{
    /// <summary>The head and log keys of <paramref name="channel"/>.</summary>
    public static RedisKey[] For(string channel)
    {
        var prefix = "{" + ClusterSlot.TagFor(ClusterSlot.Of(channel)) + "}" + channel;
        return [prefix + "|head", prefix + "|log"];
    }
}
