using System.Threading.Channels;
using System.Threading.Tasks.Sources;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore.Sessions;

/// <summary>
/// The event loop's wait for either of its two sources, without allocating: each source has at most one
/// <c>WaitToReadAsync</c> outstanding, kept until it completes (a wait the other source won is reused, never asked
/// again, which would pile up waiters on the channel), and either one's completion wakes the loop through one
/// reusable signal. The registry's queue completes when the connection is unregistered; from then on only the inbox
/// is waited for. The waits take no cancellation token (a channel then uses its one reusable waiter and registers
/// nothing: an idle connection holds no per-wait objects); <see cref="Stop"/> ends a wait instead.
/// </summary>
internal sealed class LoopWaits : IValueTaskSource<bool>
{
    private readonly ChannelReader<InboxItem> _inbox;
    private readonly ChannelReader<PubSubMessage> _outbound;
    private readonly CancellationToken _stopping;
    private readonly Action _wake;
    private ManualResetValueTaskSourceCore<bool> _signal;
    private ValueTask<bool> _inboxWait;
    private ValueTask<bool> _outboundWait;
    private bool _inboxPending;
    private bool _outboundPending;
    private bool _outboundCompleted;
    private int _armed;

    public LoopWaits(ChannelReader<InboxItem> inbox, ChannelReader<PubSubMessage> outbound, CancellationToken stopping)
    {
        _inbox = inbox;
        _outbound = outbound;
        _stopping = stopping;
        _wake = Wake;
    }

    /// <summary>
    /// Completes when either source may have an item (true), or false when the inbox is completed (the loop ends);
    /// throws <see cref="OperationCanceledException"/> once <c>stopping</c> is cancelled (and <see cref="Stop"/> called).
    /// A true may be early: the loop then finds nothing and asks again.
    /// </summary>
    public ValueTask<bool> EitherAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<bool>(_stopping);
        }

        // A wait that completed since the last call is consumed first (its result, or its cancellation).
        if (_inboxPending && _inboxWait.IsCompleted)
        {
            _inboxPending = false;
            return new ValueTask<bool>(_inboxWait.GetAwaiter().GetResult());
        }

        if (_outboundPending && _outboundWait.IsCompleted)
        {
            _outboundPending = false;
            _outboundCompleted = !_outboundWait.GetAwaiter().GetResult();
            return new ValueTask<bool>(true);
        }

        if (!_inboxPending)
        {
            var wait = _inbox.WaitToReadAsync(CancellationToken.None);
            if (wait.IsCompleted)
            {
                return wait;
            }

            (_inboxWait, _inboxPending) = (wait, true);
            wait.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_wake);
        }

        if (!_outboundPending && !_outboundCompleted)
        {
            var wait = _outbound.WaitToReadAsync(CancellationToken.None);
            if (wait.IsCompleted)
            {
                _outboundCompleted = !wait.GetAwaiter().GetResult();
                return new ValueTask<bool>(true);
            }

            (_outboundWait, _outboundPending) = (wait, true);
            wait.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_wake);
        }

        _signal.Reset();
        Interlocked.Exchange(ref _armed, 1);

        // A wait that completed, or a stop that came, before the signal was armed found nothing to wake: take it back.
        if (_stopping.IsCancellationRequested && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            return ValueTask.FromCanceled<bool>(_stopping);
        }

        if ((_inboxWait.IsCompleted || (_outboundPending && _outboundWait.IsCompleted)) && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            return new ValueTask<bool>(true);
        }

        return new ValueTask<bool>(this, _signal.Version);
    }

    /// <summary>
    /// Ends the current wait with <see cref="OperationCanceledException"/>; call it after cancelling <c>stopping</c>. The
    /// loop resumes on the thread pool, as from a cancelled wait, never inside the caller.
    /// </summary>
    public void Stop() => ThreadPool.UnsafeQueueUserWorkItem(static waits => waits.Cancel(), this, preferLocal: false);

    private void Cancel()
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            _signal.SetException(new OperationCanceledException(_stopping));
        }
    }

    // Runs on the thread that completed a wait; the loop then continues on it (no further hop).
    private void Wake()
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            _signal.SetResult(true);
        }
    }

    bool IValueTaskSource<bool>.GetResult(short token) => _signal.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _signal.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _signal.OnCompleted(continuation, state, token, flags);
}
