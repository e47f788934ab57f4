using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis;

/// <summary>
/// What a broadcaster disposed while Redis was away leaves on the multiplexer the app keeps: when the subscription
/// connection is back, its channels are dropped on the server (the multiplexer may have queued their SUBSCRIBEs while
/// Redis was away), once, and the sweep detaches itself.
/// </summary>
internal sealed class ChannelSweep
{
    private readonly IConnectionMultiplexer _multiplexer;
    private readonly IReadOnlyList<RedisChannel> _channels;
    private int _done;

    private ChannelSweep(IConnectionMultiplexer multiplexer, IReadOnlyList<RedisChannel> channels)
    {
        _multiplexer = multiplexer;
        _channels = channels;
    }

    /// <summary>Sweeps <paramref name="channels"/> when <paramref name="multiplexer"/>'s subscription connection is restored.</summary>
    public static void WhenRestored(IConnectionMultiplexer multiplexer, IReadOnlyList<RedisChannel> channels)
    {
        if (channels.Count > 0)
        {
            multiplexer.ConnectionRestored += new ChannelSweep(multiplexer, channels).OnRestored;
        }
    }

    /// <summary>
    /// Makes Redis drop <paramref name="channel"/> for the multiplexer's subscription connection, whatever the
    /// multiplexer believes: one it no longer holds may still be subscribed there (a SUBSCRIBE it queued while Redis
    /// was away and sent on reconnect). The multiplexer only sends UNSUBSCRIBE for a channel it holds, so it holds it
    /// for a moment.
    /// </summary>
    public static async Task ForgetOnServerAsync(ISubscriber subscriber, RedisChannel channel)
    {
        try
        {
            var queue = await subscriber.SubscribeAsync(channel).ConfigureAwait(false);
            await queue.UnsubscribeAsync().ConfigureAwait(false);
        }
        catch
        {
            // Leave the multiplexer without the channel, so that it does not subscribe it again when it reconnects.
            await subscriber.UnsubscribeAsync(channel, null, CommandFlags.FireAndForget).ConfigureAwait(false);
            throw;
        }
    }

    private void OnRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType != ConnectionType.Subscription || Interlocked.Exchange(ref _done, 1) != 0)
        {
            return;
        }

        _multiplexer.ConnectionRestored -= OnRestored;
        _ = Task.Run(SweepAsync);
    }

    private async Task SweepAsync()
    {
        var subscriber = _multiplexer.GetSubscriber();
        foreach (var channel in _channels)
        {
            try
            {
                await ForgetOnServerAsync(subscriber, channel).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
            {
                // Best effort: the broadcaster is gone and nobody waits for this.
            }
        }
    }
}
