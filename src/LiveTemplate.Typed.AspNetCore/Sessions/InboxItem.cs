using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore.Sessions;

/// <summary>One thing for a connection's event loop to do, from the browser or from the broadcaster.</summary>
internal readonly struct InboxItem
{
    private InboxItem(InboxItemKind kind, BrowserFrame frame, ErrorFrame error, PubSubMessage? message, Func<CancellationToken, ValueTask>? work = null)
    {
        Kind = kind;
        Frame = frame;
        Error = error;
        Message = message;
        Work = work;
    }

    public InboxItemKind Kind { get; }

    /// <summary>The browser's action, for <see cref="InboxItemKind.BrowserAction"/>.</summary>
    public BrowserFrame Frame { get; }

    /// <summary>Why the browser's frame was rejected, for <see cref="InboxItemKind.Invalid"/>.</summary>
    public ErrorFrame Error { get; }

    /// <summary>The message from the broadcaster, for <see cref="InboxItemKind.Message"/>.</summary>
    public PubSubMessage? Message { get; }

    /// <summary>Something to run in the connection's event loop (a presence event for its handler and browser), for <see cref="InboxItemKind.Work"/>.</summary>
    public Func<CancellationToken, ValueTask>? Work { get; }

    public static InboxItem PeerClosed { get; } = new(InboxItemKind.PeerClosed, default, default, null);

    public static InboxItem FromBrowser(BrowserFrame frame) => new(InboxItemKind.BrowserAction, frame, default, null);

    public static InboxItem Invalid(ErrorFrame error) => new(InboxItemKind.Invalid, default, error, null);

    public static InboxItem From(PubSubMessage message) => new(InboxItemKind.Message, default, default, message);

    public static InboxItem Run(Func<CancellationToken, ValueTask> work) => new(InboxItemKind.Work, default, default, null, work);
}

/// <summary>What an <see cref="InboxItem"/> carries.</summary>
internal enum InboxItemKind
{
    BrowserAction,
    Invalid,
    Message,
    Work,
    PeerClosed,
}
