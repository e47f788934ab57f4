namespace LiveTemplate.Typed.PubSub;

// The broadcaster's history: the streams of channels that keep one (IStreamHistory).
public abstract partial class ChannelBroadcaster
{
    /// <inheritdoc />
    public bool KeepsHistory(ChannelKind kind) => _history.Tracks(kind);

    /// <inheritdoc />
    public Task<StreamReadResult> ReadStreamAsync(ChannelKind kind, string? scopeId, StreamPosition? after, CancellationToken ct = default)
    {
        ThrowIfDisposed();
        if (kind is ChannelKind.Topic or ChannelKind.TopicPattern)
        {
            throw new ArgumentException("Topics keep no history (docs/topics.md).", nameof(kind));
        }

        if ((scopeId is null) != (kind == ChannelKind.GlobalBroadcast))
        {
            throw new ArgumentException($"A {kind} channel {(scopeId is null ? "needs" : "has no")} scope id.", nameof(scopeId));
        }

        var channel = scopeId is null ? Channels.Global : Channels.For(kind, ScopeIdRules.Validate(scopeId, "A scope id", nameof(scopeId)));
        var reading = _history.ReadAsync(new ChannelSubscription(channel, kind, scopeId), after, ct);
        return after is null ? reading : CountLossAsync(reading, ct);
    }

    // A reader that resumes (a browser) and cannot have everything it missed is a loss like the instance's own: counted
    // by reason, and 'unavailable' when the history cannot be read at all.
    private async Task<StreamReadResult> CountLossAsync(Task<StreamReadResult> reading, CancellationToken ct)
    {
        try
        {
            var read = await reading.ConfigureAwait(false);
            if (read.NotRecovered is { } reason)
            {
                Metrics.NotRecovered(reason);
            }

            return read;
        }
        catch (Exception) when (!ct.IsCancellationRequested && !IsDisposed)
        {
            Metrics.NotRecovered(NotRecoveredReason.Unavailable);
            throw;
        }
    }

    /// <inheritdoc />
    public Task SubscribeNotRecoveredAsync(Func<NotRecoveredMessage, ValueTask> handler, CancellationToken ct = default)
    {
        ThrowIfDisposed();
        _delivery.OnNotRecovered(handler);
        return Task.CompletedTask;
    }
}
