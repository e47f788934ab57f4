using System.Threading.Channels;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore.Sessions;

/// <summary>
/// The event loop's wait for either of its two sources. Each source has at most one wait outstanding, kept until it
/// completes (a wait the other source won is reused, never abandoned and asked again, which would pile up waiters on
/// the channel). The registry's queue completes when the connection is unregistered; from then on only the inbox is
/// waited for.
/// </summary>
internal sealed class LoopWaits(ChannelReader<InboxItem> inbox, ChannelReader<PubSubMessage> outbound, CancellationToken stopping)
{
    private Task<bool>? _inbox;
    private Task<bool>? _outbound;
    private bool _outboundCompleted;

    /// <summary>
    /// Waits until either source may have an item; false when the inbox is completed (the loop ends). Throws
    /// <see cref="OperationCanceledException"/> once <c>stopping</c> is cancelled.
    /// </summary>
    public async ValueTask<bool> EitherAsync()
    {
        if (_inbox is null)
        {
            var wait = inbox.WaitToReadAsync(stopping);
            if (wait.IsCompleted)
            {
                return await wait.ConfigureAwait(false);
            }

            _inbox = wait.AsTask();
        }

        if (!_outboundCompleted)
        {
            if (_outbound is null)
            {
                var wait = outbound.WaitToReadAsync(stopping);
                if (wait.IsCompleted)
                {
                    _outboundCompleted = !await wait.ConfigureAwait(false);
                    return true;
                }

                _outbound = wait.AsTask();
            }

            await Task.WhenAny(_inbox, _outbound).ConfigureAwait(false);
            if (_outbound.IsCompleted)
            {
                var more = await _outbound.ConfigureAwait(false);
                (_outbound, _outboundCompleted) = (null, !more);
            }
        }

        if (!_outboundCompleted && !_inbox.IsCompleted)
        {
            return true;
        }

        // The inbox has an item or is completed, or it is the only source left: wait for it.
        var open = await _inbox.ConfigureAwait(false);
        _inbox = null;
        return open;
    }
}
