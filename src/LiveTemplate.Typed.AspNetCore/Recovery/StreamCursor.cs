using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore.Recovery;

/// <summary>Where one browser connection is in one of its streams: the last position it was given.</summary>
internal sealed class StreamCursor(ChannelKind kind, string? scopeId, StreamPosition? position)
{
    public ChannelKind Kind { get; } = kind;

    public string? ScopeId { get; } = scopeId;

    public string Name { get; } = StreamNames.Of(kind);

    /// <summary>The last position the browser has; null when the stream did not exist (or could not be read).</summary>
    public StreamPosition? Position { get; set; } = position;

    /// <summary>How <paramref name="position"/> follows this cursor.</summary>
    public StreamStep Classify(StreamPosition position)
    {
        if (Position is not { } at || at.Epoch != position.Epoch)
        {
            // A stream the browser did not know, or that started again: its first message follows; a later one is a gap.
            return position.Offset == 1 ? StreamStep.Next : StreamStep.Gap;
        }

        return position.Offset <= at.Offset ? StreamStep.Duplicate : position.Offset == at.Offset + 1 ? StreamStep.Next : StreamStep.Gap;
    }
}

/// <summary>How a positioned message follows a connection's cursor.</summary>
internal enum StreamStep
{
    /// <summary>The browser has it already.</summary>
    Duplicate,

    /// <summary>The very next one.</summary>
    Next,

    /// <summary>Messages before it are missing (its queue dropped them, or it was sent by this connection): read them first.</summary>
    Gap,
}
