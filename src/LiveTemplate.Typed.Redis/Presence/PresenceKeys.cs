using LiveTemplate.Typed.Presence;
using LiveTemplate.Typed.Redis.History;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis.Presence;

/// <summary>
/// Every key and channel of presence on Redis. A scope's two hashes, <c>{tag}{prefix}:presence:{scope}|c</c> (its
/// connections) and <c>…|m</c> (its members), carry a hash tag known to hash to the slot of the scope's event channel
/// <c>{prefix}:presence:{scope}</c>, so a scope lives in one cluster slot whatever its id contains (braces included) and
/// its script may publish on that channel. Per instance: its liveness <c>{prefix}:presence:alive:{instance}</c> (expires
/// by itself), the scopes it has connections in (<c>…:scopes:{instance}</c>), and the set of instances
/// (<c>{prefix}:presence:instances</c>).
/// </summary>
internal sealed class PresenceKeys(string prefix)
{
    private readonly string _base = prefix + ":presence:";

    public RedisKey Instances => _base + "instances";

    public RedisKey Alive(string instanceId) => _base + "alive:" + instanceId;

    public RedisKey ScopesOf(string instanceId) => _base + "scopes:" + instanceId;

    public string Channel(PresenceScope scope) => _base + scope.Key;

    /// <summary>The connections hash and the members hash of <paramref name="scope"/>.</summary>
    public RedisKey[] Of(PresenceScope scope)
    {
        var channel = Channel(scope);
        var tagged = "{" + ClusterSlot.TagFor(ClusterSlot.Of(channel)) + "}" + channel;
        return [tagged + "|c", tagged + "|m"];
    }
}
