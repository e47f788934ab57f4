using LiveTemplate.Typed.AspNetCore.Sessions;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;
using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.AspNetCore.Recovery;

/// <summary>
/// Runs a connection's positioned messages in stream order, each once: what a resuming browser missed first, then
/// live messages, skipping those it has and reading from the history those its queue lost. Every frame a message's
/// handler sends carries the message's stream and position; a message that sends none (one this connection sent, or
/// one the handler ignores) is followed by a <c>position</c> frame, so the browser always knows where it is.
/// </summary>
internal sealed class StreamFollower(ConnectionStreams streams, ActionRunner runner, ConnectionSession session, IActionDispatcher handler, LocalConnection connection, ILogger logger)
{
    /// <summary>After the hello and OnConnectedAsync: per presented stream, the missed messages, or that they are lost.</summary>
    public async ValueTask ReplayAsync()
    {
        foreach (var opening in streams.Openings)
        {
            var cursor = streams.CursorOf(opening.Kind)!;
            if (opening.Loss is { } loss)
            {
                await LostAsync(cursor, loss, opening.Presented, ResumedAfter(opening.Messages, opening.Head)).ConfigureAwait(false);
            }

            foreach (var message in opening.Messages)
            {
                if (cursor.Classify(message.Position!.Value) == StreamStep.Next)
                {
                    await FollowAsync(cursor, message).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Runs <paramref name="message"/> if it belongs to a followed stream (or tells its loss); false when it does not.</summary>
    public async ValueTask<bool> TryRunAsync(PubSubMessage message)
    {
        if (message is NotRecoveredMessage notice)
        {
            if (streams.CursorOf(notice.ChannelKind) is { } followed)
            {
                followed.Position = notice.ResumedAfter ?? StreamPosition.BeforeStream;
            }

            await TellAsync(StreamNames.Of(notice.ChannelKind), notice).ConfigureAwait(false);
            return true;
        }

        if (message.Position is not { } position || streams.CursorOf(message.ChannelKind) is not { } cursor)
        {
            return false;
        }

        var step = cursor.Classify(position);
        if (step == StreamStep.Gap)
        {
            await FillAsync(cursor, position).ConfigureAwait(false);
            step = cursor.Classify(position);
        }

        if (step == StreamStep.Next)
        {
            await FollowAsync(cursor, message).ConfigureAwait(false);
        }

        return true;
    }

    private async ValueTask FillAsync(StreamCursor cursor, StreamPosition waiting)
    {
        StreamReadResult read;
        try
        {
            read = await streams.History!.ReadStreamAsync(cursor.Kind, cursor.ScopeId, cursor.Position, session.Stopping).ConfigureAwait(false);
        }
        catch (Exception) when (!session.Stopping.IsCancellationRequested)
        {
            await LostAsync(cursor, NotRecoveredReason.Unavailable, cursor.Position, waiting with { Offset = waiting.Offset - 1 }).ConfigureAwait(false);
            return;
        }

        if (read.NotRecovered is { } loss)
        {
            await LostAsync(cursor, loss, cursor.Position, ResumedAfter(read.Messages, read.Head)).ConfigureAwait(false);
        }

        foreach (var message in read.Messages)
        {
            if (cursor.Classify(message.Position!.Value) == StreamStep.Next)
            {
                await FollowAsync(cursor, message).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask FollowAsync(StreamCursor cursor, PubSubMessage message)
    {
        cursor.Position = message.Position;
        var sender = session.Sender;
        if (IsOwn(message))
        {
            await sender.SendAsync(cursor, Frames.WritePosition, session.Stopping).ConfigureAwait(false);
            return;
        }

        var sent = sender.FramesSent;
        sender.Stamp = Frames.Stamp(cursor);
        try
        {
            await runner.RunAsync(InboxItem.From(message)).ConfigureAwait(false);
        }
        finally
        {
            sender.Stamp = null;
        }

        if (sender.FramesSent == sent)
        {
            await sender.SendAsync(cursor, Frames.WritePosition, session.Stopping).ConfigureAwait(false);
        }
    }

    // Sent by this connection (or the browser's previous one): the browser has it already.
    private bool IsOwn(PubSubMessage message)
    {
        var excluded = message switch
        {
            GroupActionMessage g => g.ExcludeConnectionId,
            BroadcastMessage b => b.ExcludeConnectionId,
            _ => null,
        };
        return excluded is not null && (excluded == connection.Id || excluded == streams.PreviousConnectionId);
    }

    private ValueTask LostAsync(StreamCursor cursor, NotRecoveredReason reason, StreamPosition? lastKnown, StreamPosition? resumedAfter)
    {
        cursor.Position = resumedAfter ?? (reason == NotRecoveredReason.Unavailable ? null : StreamPosition.BeforeStream);
        var notice = new NotRecoveredMessage(streams.ChannelOf(cursor), cursor.Kind, cursor.ScopeId, reason, lastKnown, resumedAfter, string.Empty, DateTimeOffset.UtcNow);
        return TellAsync(cursor.Name, notice);
    }

    private async ValueTask TellAsync(string stream, NotRecoveredMessage notice)
    {
        LiveLog.StreamNotRecovered(logger, connection.Id, stream, StreamNames.Of(notice.Reason));
        await session.Sender.SendAsync((stream, notice), Frames.WriteNotRecovered, session.Stopping).ConfigureAwait(false);
        if (handler is IConnectionRecovery recovery)
        {
            try
            {
                await recovery.OnNotRecoveredAsync(notice, session.Stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (!session.Stopping.IsCancellationRequested)
            {
                LiveLog.LifecycleFailed(logger, ex, connection.Id, nameof(IConnectionRecovery.OnNotRecoveredAsync));
            }
        }
    }

    // After a loss the stream is complete again right before the first message read (or at the head when none was).
    private static StreamPosition? ResumedAfter(IReadOnlyList<PubSubMessage> messages, StreamPosition? head)
        => messages.Count > 0 && messages[0].Position is { } first ? first with { Offset = first.Offset - 1 } : head;
}
