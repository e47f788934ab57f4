using LiveTemplate.Typed.PubSub.History;

namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// A pub/sub "server" in memory that lets several <see cref="InMemoryBroadcaster"/>s behave like app instances
/// sharing one Redis: channels are literal, a publish reaches every broadcaster subscribed to the channel or to a
/// pattern matching it (Redis's glob: <c>*</c> matches any text, <c>/</c> included; the publisher included, which then
/// drops its own echo), and each broadcaster receives in publish order. Channels with
/// history keep their streams here, appended and delivered in one step as Redis does in one script. A member can be
/// cut off and reconnected (<see cref="Disconnect"/>), as a Redis client whose connection drops.
/// </summary>
public sealed class InMemoryNetwork
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Dictionary<InMemoryBroadcaster, ChannelSubscription>> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<InMemoryBroadcaster, ChannelSubscription>> _patterns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RetainedStream> _streams = new(StringComparer.Ordinal);
    private readonly HashSet<InMemoryBroadcaster> _away = [];
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
            return DeliverLocked(channel, envelope);
        }
    }

    /// <summary>
    /// Cuts <paramref name="member"/> off, as a dropped Redis connection: nothing published reaches it, and it can
    /// neither publish nor read, until <see cref="Reconnect"/>. Its subscriptions are kept (as the client re-sends them).
    /// </summary>
    public void Disconnect(InMemoryBroadcaster member)
    {
        ArgumentNullException.ThrowIfNull(member);
        lock (_gate)
        {
            if (!_away.Add(member))
            {
                return;
            }
        }

        member.OnTransportAway();
    }

    /// <summary>Reconnects a member cut off by <see cref="Disconnect"/>; what it missed meanwhile is not delivered to it live.</summary>
    public void Reconnect(InMemoryBroadcaster member)
    {
        ArgumentNullException.ThrowIfNull(member);
        lock (_gate)
        {
            if (!_away.Remove(member))
            {
                return;
            }
        }

        member.OnTransportBack();
    }

    /// <summary>Forgets every channel's history, as a Redis restarted without persistence does.</summary>
    public void ForgetHistory()
    {
        lock (_gate)
        {
            _streams.Clear();
        }
    }

    internal bool IsAway(InMemoryBroadcaster member)
    {
        lock (_gate)
        {
            return _away.Contains(member);
        }
    }

    /// <summary>Stamps, keeps and delivers <paramref name="envelope"/> in one step (the Redis script's work, in memory).</summary>
    internal StreamPosition Append(InMemoryBroadcaster from, string channel, ReadOnlySpan<byte> envelope, int tailLength, int size, TimeSpan idleExpiry, DateTimeOffset now)
    {
        lock (_gate)
        {
            ThrowIfAwayLocked(from);
            var stream = LiveStreamLocked(channel, idleExpiry, now) ?? (_streams[channel] = NewStream());
            var stamped = stream.Append(envelope, tailLength, size, now);
            DeliverLocked(channel, stamped);

            return new StreamPosition(stream.Epoch, stream.Top);
        }
    }

    /// <summary>Reads a channel's stream (see <see cref="IChannelTransport.ReadAsync"/>).</summary>
    internal StreamSlice Read(InMemoryBroadcaster from, string channel, StreamPosition? after, bool includeAfter, int maxCount, TimeSpan idleExpiry, DateTimeOffset now)
    {
        lock (_gate)
        {
            ThrowIfAwayLocked(from);
            return LiveStreamLocked(channel, idleExpiry, now) is { } stream ? stream.Read(after, includeAfter, maxCount) : StreamSlice.Missing;
        }
    }

    /// <summary>A channel's head, creating the stream empty when it does not exist (see <see cref="IChannelTransport.OpenAsync"/>).</summary>
    internal StreamSlice Open(InMemoryBroadcaster from, string channel, TimeSpan idleExpiry, DateTimeOffset now)
    {
        lock (_gate)
        {
            ThrowIfAwayLocked(from);
            var stream = LiveStreamLocked(channel, idleExpiry, now) ?? (_streams[channel] = NewStream());
            stream.Touch(now);
            return stream.Read(null, false, 0);
        }
    }

    private static RetainedStream NewStream() => new(Guid.NewGuid().ToString("N")[..16]);

    private RetainedStream? LiveStreamLocked(string channel, TimeSpan idleExpiry, DateTimeOffset now)
    {
        if (!_streams.TryGetValue(channel, out var stream))
        {
            return null;
        }

        if (now - stream.LastWrite <= idleExpiry)
        {
            return stream;
        }

        _streams.Remove(channel);
        return null;
    }

    private void ThrowIfAwayLocked(InMemoryBroadcaster member)
    {
        if (_away.Contains(member))
        {
            throw new InvalidOperationException("The broadcaster is disconnected from its in-memory network.");
        }
    }

    // As Redis: a subscriber gets one copy per subscription that matches, its channel's and each of its patterns'.
    private int DeliverLocked(string channel, ReadOnlyMemory<byte> envelope)
    {
        var delivered = 0;
        if (_channels.TryGetValue(channel, out var subscribers))
        {
            delivered += DeliverLocked(subscribers, channel, envelope);
        }

        foreach (var (glob, patternSubscribers) in _patterns)
        {
            if (GlobMatches(glob, channel))
            {
                delivered += DeliverLocked(patternSubscribers, channel, envelope);
            }
        }

        return delivered;
    }

    private int DeliverLocked(Dictionary<InMemoryBroadcaster, ChannelSubscription> subscribers, string channel, ReadOnlyMemory<byte> envelope)
    {
        var delivered = 0;
        foreach (var (member, subscription) in subscribers)
        {
            if (!_away.Contains(member))
            {
                member.Enqueue(subscription, channel, envelope);
                delivered++;
            }
        }

        return delivered;
    }

    // Redis's glob for the one wildcard the SDK's patterns hold: '*' matches any text ('/' included); the rest is literal.
    private static bool GlobMatches(string glob, string channel)
    {
        int g = 0, c = 0, star = -1, resume = 0;
        while (c < channel.Length)
        {
            if (g < glob.Length && glob[g] == '*')
            {
                star = g++;
                resume = c;
            }
            else if (g < glob.Length && glob[g] == channel[c])
            {
                g++;
                c++;
            }
            else if (star >= 0)
            {
                g = star + 1;
                c = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (g < glob.Length && glob[g] == '*')
        {
            g++;
        }

        return g == glob.Length;
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

    /// <summary>How many distinct patterns have at least one subscriber (Redis's <c>PUBSUB NUMPAT</c>).</summary>
    public int CountPatterns()
    {
        lock (_gate)
        {
            return _patterns.Count;
        }
    }

    /// <summary>The patterns with at least one subscriber, sorted.</summary>
    public IReadOnlyList<string> ActivePatterns()
    {
        lock (_gate)
        {
            var names = _patterns.Keys.ToList();
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
            foreach (var table in new[] { _channels, _patterns })
            {
                foreach (var (channel, subscribers) in table.ToList())
                {
                    if (subscribers.Remove(member) && subscribers.Count == 0)
                    {
                        table.Remove(channel);
                    }
                }
            }
        }

        lock (_gate)
        {
            _away.Remove(member);
        }

        Interlocked.Decrement(ref _members);
    }

    internal void Subscribe(InMemoryBroadcaster member, ChannelSubscription subscription)
    {
        lock (_gate)
        {
            var table = subscription.IsPattern ? _patterns : _channels;
            if (!table.TryGetValue(subscription.Channel, out var subscribers))
            {
                subscribers = [];
                table.Add(subscription.Channel, subscribers);
            }

            subscribers[member] = subscription;
        }
    }

    internal void Unsubscribe(InMemoryBroadcaster member, ChannelSubscription subscription)
    {
        lock (_gate)
        {
            var table = subscription.IsPattern ? _patterns : _channels;
            if (table.TryGetValue(subscription.Channel, out var subscribers) && subscribers.Remove(member) && subscribers.Count == 0)
            {
                table.Remove(subscription.Channel);
            }
        }
    }
}
