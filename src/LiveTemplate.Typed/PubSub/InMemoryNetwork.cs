namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// A pub/sub "server" in memory that lets several <see cref="InMemoryBroadcaster"/>s behave like app instances
/// sharing one Redis: channels are literal, a publish reaches every broadcaster subscribed to the channel (the
/// publisher included, which then drops its own echo), and each broadcaster receives in publish order.
/// </summary>
public sealed class InMemoryNetwork
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Dictionary<InMemoryBroadcaster, ChannelSubscription>> _channels = new(StringComparer.Ordinal);
    private int _members;

    /// <summary>Publishes raw bytes on a channel, as any client of a shared Redis could; returns how many broadcasters received them.</summary>
    public int Publish(string channel, ReadOnlyMemory<byte> message)
    {
        ArgumentNullException.ThrowIfNull(channel);

        // The caller may reuse its buffer once this returns; subscribers read theirs later.
        return Deliver(channel, message.ToArray());
    }

    /// <summary>Queues <paramref name="envelope"/> for every subscriber of <paramref name="channel"/>, without copying it: the caller never changes it.</summary>
    internal int Deliver(string channel, ReadOnlyMemory<byte> envelope)
    {
        lock (_gate)
        {
            if (!_channels.TryGetValue(channel, out var subscribers))
            {
                return 0;
            }

            foreach (var (member, subscription) in subscribers)
            {
                member.Enqueue(subscription, envelope);
            }

            return subscribers.Count;
        }
    }

    /// <summary>How many broadcasters are subscribed to <paramref name="channel"/> (Redis's <c>PUBSUB NUMSUB</c>).</summary>
    public int CountSubscribers(string channel)
    {
        lock (_gate)
        {
            return _channels.TryGetValue(channel, out var subscribers) ? subscribers.Count : 0;
        }
    }

    /// <summary>The channels with at least one subscriber, sorted (Redis's <c>PUBSUB CHANNELS</c>).</summary>
    public IReadOnlyList<string> ActiveChannels()
    {
        lock (_gate)
        {
            var names = _channels.Keys.ToList();
            names.Sort(StringComparer.Ordinal);
            return names;
        }
    }

    /// <summary>True when more than one broadcaster has joined, so a publish can reach another one.</summary>
    internal bool HasOtherMembers => Volatile.Read(ref _members) > 1;

    internal void Join() => Interlocked.Increment(ref _members);

    internal void Leave(InMemoryBroadcaster member)
    {
        lock (_gate)
        {
            foreach (var (channel, subscribers) in _channels.ToList())
            {
                if (subscribers.Remove(member) && subscribers.Count == 0)
                {
                    _channels.Remove(channel);
                }
            }
        }

        Interlocked.Decrement(ref _members);
    }

    internal void Subscribe(InMemoryBroadcaster member, ChannelSubscription subscription)
    {
        lock (_gate)
        {
            if (!_channels.TryGetValue(subscription.Channel, out var subscribers))
            {
                subscribers = [];
                _channels.Add(subscription.Channel, subscribers);
            }

            subscribers[member] = subscription;
        }
    }

    internal void Unsubscribe(InMemoryBroadcaster member, string channel)
    {
        lock (_gate)
        {
            if (_channels.TryGetValue(channel, out var subscribers) && subscribers.Remove(member) && subscribers.Count == 0)
            {
                _channels.Remove(channel);
            }
        }
    }
}
