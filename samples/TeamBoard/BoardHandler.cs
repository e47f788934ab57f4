using LiveTemplate.Typed;
using LiveTemplate.Typed.AspNetCore;
using LiveTemplate.Typed.PubSub;
using TeamBoard.Actions;
using TeamBoard.Board;

namespace TeamBoard;

/// <summary>
/// One per browser connection. Browser actions (move, add, note) change the board and tell the rest of the
/// board; group actions from the others, and notes for this user, are passed on to this browser. With history on
/// (appsettings.json), a browser that reconnects gets the moves it missed replayed; when they cannot be, it gets the
/// board again.
/// </summary>
public sealed partial class BoardHandler(LiveConnection live, IBoardStore store, IBroadcaster broadcaster)
    : IHandle<MoveCard>, IHandle<AddCard>, IHandle<SendNote>, IHandle<CardMoved>, IHandle<CardAdded>, IHandle<NoteReceived>, IConnectionLifecycle, IConnectionRecovery
{
    private const int MaxTitle = 80;
    private const int MaxNote = 280;

    private string Me => live.UserId?.Value ?? "guest";

    // A resuming browser has the board; what it missed is replayed next (or OnNotRecoveredAsync sends the board).
    // Every connection, resumed or not, is on the board's presence (BoardHandler.Presence.cs).
    public async ValueTask OnConnectedAsync(CancellationToken cancellationToken)
    {
        await TrackPresenceAsync(cancellationToken);
        if (!live.IsResumed)
        {
            await SendBoardAsync(cancellationToken);
        }
    }

    // Moves this browser should have had are lost for good (trimmed, or Redis lost them): it gets the board again.
    public ValueTask OnNotRecoveredAsync(NotRecoveredMessage notice, CancellationToken cancellationToken)
        => notice.ChannelKind == ChannelKind.GroupAction ? SendBoardAsync(cancellationToken) : ValueTask.CompletedTask;

    public ValueTask OnDisconnectedAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    private async ValueTask SendBoardAsync(CancellationToken cancellationToken)
        => await live.SendAsync("board", await store.LoadAsync(live.GroupId, cancellationToken), BoardJson.Default.BoardSnapshot, cancellationToken);

    public async ValueTask HandleAsync(MoveCard action, ActionContext context)
    {
        if (!Columns.IsValid(action.Column))
        {
            await live.SendErrorAsync("bad-column", $"There is no column '{action.Column}'.");
            return;
        }

        if (await store.MoveAsync(live.GroupId, action.CardId, action.Column, context.CancellationToken) is not { } card)
        {
            await live.SendErrorAsync("no-such-card", $"There is no card {action.CardId} on this board.");
            return;
        }

        var moved = new CardMoved(card.Id, card.Column, Me);
        await live.SendAsync(moved);                  // this tab, at once
        await live.BroadcastToGroupAsync(moved);      // every other tab of this board, on every instance
    }

    public async ValueTask HandleAsync(AddCard action, ActionContext context)
    {
        var title = action.Title.Trim();
        if (title.Length is 0 or > MaxTitle)
        {
            await live.SendErrorAsync("bad-title", $"A title has 1 to {MaxTitle} characters.");
            return;
        }

        var card = await store.AddAsync(live.GroupId, title, context.CancellationToken);
        var added = new CardAdded(card.Id, card.Title, card.Column, Me);
        await live.SendAsync(added);
        await live.BroadcastToGroupAsync(added);
    }

    public async ValueTask HandleAsync(SendNote action, ActionContext context)
    {
        var text = action.Text.Trim();
        if (!UserId.TryCreate(action.To.Trim(), out var to) || text.Length is 0 or > MaxNote)
        {
            await live.SendErrorAsync("bad-note", $"A note needs a recipient and 1 to {MaxNote} characters.");
            return;
        }

        // A server action: it reaches every tab of that user, on whatever board and instance they are.
        await broadcaster.TriggerAsync(to, new NoteReceived(Me, text), context.CancellationToken);
    }

    // Another member of this board changed it: show it in this browser.
    public ValueTask HandleAsync(CardMoved action, ActionContext context) => live.SendAsync(action);

    public ValueTask HandleAsync(CardAdded action, ActionContext context) => live.SendAsync(action);

    // A note for this connection's user.
    public ValueTask HandleAsync(NoteReceived action, ActionContext context) => live.SendAsync(action);
}
