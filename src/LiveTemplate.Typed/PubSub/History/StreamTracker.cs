using System.Collections.Concurrent;
using System.Diagnostics;
using LiveTemplate.Typed.PubSub.Delivery;
using LiveTemplate.Typed.PubSub.Intake;
using LiveTemplate.Typed.PubSub.Subscriptions;
using LiveTemplate.Typed.PubSub.Telemetry;
using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.PubSub.History;

/// <summary>
/// The history stage of the intake: for every channel with a stream it follows the position delivered, drops what was
/// delivered already (by position), fills a gap from the history before the message that revealed it (live messages
/// of the channel wait meanwhile), and after an outage reads what each stream gained while the transport was away.
/// What cannot be recovered (trimmed, a new epoch, the stream gone or rewound) is counted, logged and told, in the
/// channel's order, as a <see cref="NotRecoveredMessage"/>.
/// </summary>
internal sealed class StreamTracker(IChannelTransport transport, EnvelopeIntake intake, LocalDelivery delivery, DropRecorder drops, BroadcasterOptions options, BroadcasterMetrics metrics, ILogger logger, string instanceId, CancellationToken disposing)
{
    private const int PageSize = 500;
    private const int CatchUpParallelism = 64;
    private readonly ConcurrentDictionary<string, ChannelStream> _streams = new(StringComparer.Ordinal);

    /// <summary>True when channels of <paramref name="kind"/> keep a history on this instance.</summary>
    public bool Tracks(ChannelKind kind) => options.HasHistory(kind);

    /// <summary>Before a channel with history is first subscribed: its head, so that what follows is told from a gap.</summary>
    public async Task PrepareAsync(ChannelSubscription subscription, CancellationToken ct)
    {
        var stream = StreamOf(subscription);
        if (stream.IsKnown)
        {
            return;
        }

        // Read before subscribing: whatever is published after this read arrives live or is filled as a gap.
        var head = await transport.OpenAsync(subscription.Channel, ct).ConfigureAwait(false);
        await stream.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!stream.IsKnown)
            {
                stream.StartAt(head.Epoch, head.Top);
            }
        }
        finally
        {
            stream.Gate.Release();
        }
    }

    /// <summary>The channel was unsubscribed: a later subscription starts from the head again.</summary>
    public void Forget(ChannelSubscription subscription) => _streams.TryRemove(subscription.Channel, out _);

    /// <summary>The transport lost its connection: no stream is known to be continuous any more.</summary>
    public void TransportLost()
    {
        foreach (var stream in _streams.Values)
        {
            stream.IsContinuous = false;
        }
    }

    /// <summary>Delivers a live message that carries a position: in order, once, after any gap before it is filled.</summary>
    public async ValueTask DeliverAsync(ChannelSubscription subscription, PubSubMessage message)
    {
        var stream = StreamOf(subscription);
        await stream.Gate.WaitAsync(disposing).ConfigureAwait(false);
        try
        {
            await AcceptLiveAsync(stream, message).ConfigureAwait(false);
        }
        finally
        {
            stream.Gate.Release();
        }
    }

    /// <summary>After an outage: every stream of <paramref name="channels"/> reads what it gained, retrying failed reads with backoff.</summary>
    public async Task CatchUpAsync(IReadOnlyCollection<ChannelSubscription> channels)
    {
        var clock = Stopwatch.StartNew();
        var before = metrics.Snapshot().Recovered;
        var pending = channels.Where(s => Tracks(s.Kind)).Select(StreamOf).ToList();
        var count = pending.Count;
        for (var attempt = 0; pending.Count > 0 && !disposing.IsCancellationRequested; attempt++)
        {
            var failed = new ConcurrentBag<(ChannelStream Stream, Exception Error)>();
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = CatchUpParallelism, CancellationToken = disposing }, async (stream, ct) =>
            {
                if (await TryCatchUpAsync(stream, ct).ConfigureAwait(false) is { } error)
                {
                    failed.Add((stream, error));
                }
            }).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            pending = failed.Select(f => f.Stream).Where(s => _streams.TryGetValue(s.Subscription.Channel, out var current) && ReferenceEquals(current, s)).ToList();
            if (pending.Count > 0)
            {
                var delay = Backoff.Delay(options.ReconnectDelay, options.MaxReconnectDelay, attempt);
                BroadcasterLog.CatchUpRetry(logger, failed.First().Error, pending.Count, delay);
                await Task.Delay(delay, disposing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        if (count > 0 && !disposing.IsCancellationRequested)
        {
            BroadcasterLog.CaughtUp(logger, metrics.Snapshot().Recovered - before, count, clock.ElapsedMilliseconds);
        }
    }

    /// <summary>
    /// Reads the stream of <paramref name="subscription"/>'s channel after <paramref name="after"/> (only its head when
    /// null), checking every message like a live one, without delivering anything.
    /// </summary>
    public async Task<StreamReadResult> ReadAsync(ChannelSubscription subscription, StreamPosition? after, CancellationToken ct)
    {
        if (after is not { } start)
        {
            var head = await transport.OpenAsync(subscription.Channel, ct).ConfigureAwait(false);
            return new StreamReadResult(head.Epoch is { } epoch ? new StreamPosition(epoch, head.Top) : null, [], null);
        }

        // The reader was away: a new epoch means what the old one had after its position is gone.
        var cursor = new ChannelStream(subscription) { IsContinuous = false };
        cursor.StartAt(start.IsBeforeStream ? null : start.Epoch, start.Offset);
        var messages = new List<PubSubMessage>();
        NotRecoveredReason? loss = null;
        await WalkAsync(cursor, verify: false, m =>
        {
            messages.Add(m);
            return ValueTask.CompletedTask;
        }, n =>
        {
            loss ??= n.Reason;
            return ValueTask.CompletedTask;
        }, ct).ConfigureAwait(false);
        // A reader before a stream that is gone cannot know what it had: not recovered either.
        if (start.IsBeforeStream && cursor.Epoch is null)
        {
            loss ??= NotRecoveredReason.StreamMissing;
        }

        return new StreamReadResult(cursor.Position, messages, loss);
    }

    private ChannelStream StreamOf(ChannelSubscription subscription) => _streams.GetOrAdd(subscription.Channel, static (_, s) => new ChannelStream(s), subscription);

    private async Task<Exception?> TryCatchUpAsync(ChannelStream stream, CancellationToken ct)
    {
        await stream.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await FillAsync(stream, ct).ConfigureAwait(false);
            stream.NeedsCatchUp = false;
            return null;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            stream.NeedsCatchUp = true;
            return ex;
        }
        finally
        {
            stream.Gate.Release();
        }
    }

    private async ValueTask AcceptLiveAsync(ChannelStream stream, PubSubMessage message)
    {
        var position = message.Position!.Value;
        if (!stream.IsKnown)
        {
            // No head was read (a message still in flight for a channel let go of meanwhile): it starts with this one.
            await DeliverOneAsync(stream, message).ConfigureAwait(false);
            return;
        }

        // Another epoch (the stream expired idle and started again, or was lost) is read from the transport, never
        // taken from the message: an epoch anyone can stamp must not move the stream (its history would come again).
        if (!string.Equals(position.Epoch, stream.Epoch, StringComparison.Ordinal) || position.Offset > stream.Offset + 1)
        {
            if (stream.NeedsCatchUp)
            {
                return; // A read failed: the catch-up delivers this one from the history, in order.
            }

            try
            {
                await FillAsync(stream, disposing).ConfigureAwait(false);
            }
            catch (Exception) when (!disposing.IsCancellationRequested)
            {
                stream.NeedsCatchUp = true;
                _ = CatchUpAsync([stream.Subscription]);
                return;
            }
        }

        var sameEpoch = string.Equals(position.Epoch, stream.Epoch, StringComparison.Ordinal);
        if (sameEpoch && position.Offset == stream.Offset + 1)
        {
            await DeliverOneAsync(stream, message).ConfigureAwait(false);
        }
        else if (!sameEpoch || position.Offset > stream.Offset)
        {
            // The stream, read just now, does not hold this position: stale, or stamped by someone else.
            drops.Drop(stream.Subscription.Channel, DropReason.NotInStream, $"Its position {position} is not in the channel's stream (at {stream.Position?.ToString() ?? "none"}).");
        }

        // Otherwise delivered already (a duplicate, or the fill included it): dropped by position, as expected.
    }

    private ValueTask DeliverOneAsync(ChannelStream stream, PubSubMessage message)
    {
        stream.Advance(message);
        return delivery.DeliverAsync(stream.Subscription.Channel, message);
    }

    /// <summary>Reads and delivers everything the stream has after its position, telling every loss on the way.</summary>
    private Task FillAsync(ChannelStream stream, CancellationToken ct)
        => WalkAsync(stream, verify: !stream.IsContinuous, async m =>
        {
            metrics.Recovered();
            await delivery.DeliverAsync(stream.Subscription.Channel, m).ConfigureAwait(false);
        }, ReportAsync, ct);

    private ValueTask ReportAsync(NotRecoveredMessage notice)
    {
        metrics.NotRecovered(notice.Reason);
        BroadcasterLog.NotRecovered(logger, notice.Channel, BroadcasterMetrics.TagOf(notice.Reason), notice.LastKnown?.ToString() ?? "none", notice.ResumedAfter?.ToString() ?? "none");
        return delivery.DeliverAsync(notice.Channel, notice);
    }

    /// <summary>
    /// Walks the stream from <paramref name="stream"/>'s position to the head as it is now, page by page: each message
    /// to <paramref name="onMessage"/> (advancing the position), each loss to <paramref name="onLoss"/>. With
    /// <paramref name="verify"/> the message at the position is read too, to notice a stream that went back.
    /// </summary>
    private async Task WalkAsync(ChannelStream stream, bool verify, Func<PubSubMessage, ValueTask> onMessage, Func<NotRecoveredMessage, ValueTask> onLoss, CancellationToken ct)
    {
        var channel = stream.Subscription.Channel;
        for (var page = 0; page <= (options.HistorySize / PageSize) + 2; page++)
        {
            var slice = await transport.ReadAsync(channel, stream.Position, verify, PageSize, ct).ConfigureAwait(false);
            if (slice.Epoch is not { } epoch)
            {
                if (stream.Epoch is not null)
                {
                    await onLoss(Notice(stream, NotRecoveredReason.StreamMissing, null)).ConfigureAwait(false);
                }

                stream.SkipTo(null, 0);
                break;
            }

            var from = slice.FromOffset;
            var skip = 0;
            if (!string.Equals(epoch, stream.Epoch, StringComparison.Ordinal))
            {
                // A new epoch. While the channel was carried without a break nothing of the old one was missed (it
                // expired idle); otherwise whatever the old one had after our position is gone.
                if (stream.Epoch is not null && !stream.IsContinuous)
                {
                    await onLoss(Notice(stream, NotRecoveredReason.EpochChanged, new StreamPosition(epoch, from - 1))).ConfigureAwait(false);
                }
                else if (from > 1)
                {
                    await onLoss(Notice(stream, NotRecoveredReason.Trimmed, new StreamPosition(epoch, from - 1))).ConfigureAwait(false);
                }

                stream.SkipTo(epoch, from - 1);
            }
            else
            {
                if (slice.Top < stream.Offset)
                {
                    await onLoss(Notice(stream, NotRecoveredReason.Rewound, new StreamPosition(epoch, slice.Top))).ConfigureAwait(false);
                    stream.SkipTo(epoch, slice.Top);
                    break;
                }

                if (verify && from == stream.Offset && slice.Entries.Count > 0)
                {
                    skip = 1;
                    if (intake.Accept(stream.Subscription, slice.Entries[0]) is not { } last || !stream.IsLast(last))
                    {
                        await onLoss(Notice(stream, NotRecoveredReason.Rewound, stream.Position)).ConfigureAwait(false);
                    }
                }

                if (from + (ulong)skip > stream.Offset + 1)
                {
                    await onLoss(Notice(stream, NotRecoveredReason.Trimmed, new StreamPosition(epoch, from + (ulong)skip - 1))).ConfigureAwait(false);
                    stream.SkipTo(epoch, from + (ulong)skip - 1);
                }
            }

            verify = false;
            for (var i = skip; i < slice.Entries.Count; i++)
            {
                var offset = from + (ulong)i;
                if (offset <= stream.Offset)
                {
                    continue;
                }

                // An entry that fails the intake (bad signature, malformed) is dropped and counted there; one stamped
                // with another position than its place in the history (rewritten) is dropped and counted here.
                var entry = intake.Accept(stream.Subscription, slice.Entries[i]);
                if (entry is { Position: { } at } && at.Offset == offset && at.Epoch == epoch)
                {
                    stream.Advance(entry);
                    await onMessage(entry).ConfigureAwait(false);
                }
                else
                {
                    if (entry is not null)
                    {
                        drops.Drop(channel, DropReason.NotInStream, $"The history's entry {epoch}:{offset} is stamped {entry.Position?.ToString() ?? "without a position"}.");
                    }

                    stream.SkipTo(epoch, offset);
                }
            }

            stream.IsContinuous = true;
            if (stream.Offset >= slice.Top || slice.Entries.Count == 0)
            {
                break;
            }
        }
    }

    private NotRecoveredMessage Notice(ChannelStream stream, NotRecoveredReason reason, StreamPosition? resumedAfter)
    {
        var s = stream.Subscription;
        return new NotRecoveredMessage(s.Channel, s.Kind, s.ScopeId, reason, stream.Position, resumedAfter, instanceId, options.TimeProvider.GetUtcNow());
    }
}
