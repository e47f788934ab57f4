using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore.Recovery;

/// <summary>
/// The streams of one browser connection (its group's, its user's and the global channel, those that keep a history)
/// and where the browser is in each. Opened right after the connection is registered, so that nothing published
/// after that is missed: each stream's head (a new browser) or what came after the positions it presented (a
/// browser that resumes) is read then, and the live messages queued meanwhile are told from those by position.
/// </summary>
internal sealed class ConnectionStreams
{
    private readonly Dictionary<ChannelKind, StreamCursor> _cursors;

    private ConnectionStreams(IStreamHistory? history, Dictionary<ChannelKind, StreamCursor> cursors, string? previousConnectionId, bool isResumed, List<Opening> openings)
    {
        History = history;
        _cursors = cursors;
        PreviousConnectionId = previousConnectionId;
        IsResumed = isResumed;
        Openings = openings;
    }

    public IStreamHistory? History { get; }

    /// <summary>The id of the browser's previous connection: what that one sent is not shown again.</summary>
    public string? PreviousConnectionId { get; }

    /// <summary>True when the browser presented positions: what it missed is replayed (or said lost) after the hello.</summary>
    public bool IsResumed { get; }

    /// <summary>Per presented stream: what to replay, or why it cannot be.</summary>
    public IReadOnlyList<Opening> Openings { get; }

    public IEnumerable<StreamCursor> Cursors => _cursors.Values;

    // Without history a connection has no stream: every such connection shares this one (it never changes).
    private static readonly ConnectionStreams WithoutHistory = new(null, [], null, false, []);

    public static async Task<ConnectionStreams> OpenAsync(IBroadcaster broadcaster, LocalConnection connection, ResumeRequest resume, CancellationToken ct)
    {
        if (broadcaster is not IStreamHistory history || !StreamNames.Kinds.Any(history.KeepsHistory))
        {
            return WithoutHistory;
        }

        var cursors = new Dictionary<ChannelKind, StreamCursor>();
        var openings = new List<Opening>();

        connection.TracksStreamPositions = true;
        foreach (var kind in StreamNames.Kinds)
        {
            if (!history.KeepsHistory(kind) || ScopeOf(kind, connection) is not { } scope)
            {
                continue;
            }

            var presented = resume.Positions.TryGetValue(kind, out var p) ? p : (StreamPosition?)null;
            var scopeId = scope.Length == 0 ? null : scope;
            StreamReadResult read;
            try
            {
                read = await history.ReadStreamAsync(kind, scopeId, presented, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The history cannot be read now (Redis away): the browser starts from what arrives live.
                cursors[kind] = new StreamCursor(kind, scopeId, null);
                if (presented is not null)
                {
                    openings.Add(new Opening(kind, NotRecoveredReason.Unavailable, presented, [], null));
                }

                continue;
            }

            // A stream with no message yet: the browser is before it, and misses nothing once it starts.
            var cursor = new StreamCursor(kind, scopeId, presented ?? read.Head ?? StreamPosition.BeforeStream);
            cursors[kind] = cursor;
            if (presented is not null)
            {
                openings.Add(new Opening(kind, read.NotRecovered, presented, read.Messages, read.Head));
            }
        }

        return new ConnectionStreams(history, cursors, resume.PreviousConnectionId, resume.IsResume, openings);
    }

    public StreamCursor? CursorOf(ChannelKind kind) => _cursors.GetValueOrDefault(kind);

    /// <summary>The channel of a cursor (for a notice the host makes itself).</summary>
    public string ChannelOf(StreamCursor cursor)
    {
        var names = History!.Channels;
        return cursor.Kind switch
        {
            ChannelKind.GlobalBroadcast => names.Global,
            ChannelKind.GroupBroadcast => names.GroupBroadcast(new GroupId(cursor.ScopeId!)),
            ChannelKind.UserBroadcast => names.UserBroadcast(new UserId(cursor.ScopeId!)),
            ChannelKind.ServerAction => names.ServerAction(new UserId(cursor.ScopeId!)),
            _ => names.GroupAction(new GroupId(cursor.ScopeId!)),
        };
    }

    // "" for the global channel, null when the connection has no such scope (user channels of an anonymous one).
    private static string? ScopeOf(ChannelKind kind, LocalConnection connection) => kind switch
    {
        ChannelKind.GlobalBroadcast => string.Empty,
        ChannelKind.GroupBroadcast or ChannelKind.GroupAction => connection.GroupId.Value,
        _ => connection.UserId?.Value,
    };

    /// <summary>What one presented stream has for the browser: the messages it missed, whether that is all of them, and the head read.</summary>
    internal sealed record Opening(ChannelKind Kind, NotRecoveredReason? Loss, StreamPosition? Presented, IReadOnlyList<PubSubMessage> Messages, StreamPosition? Head);
}
