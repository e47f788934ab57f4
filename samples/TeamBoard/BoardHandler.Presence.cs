using LiveTemplate.Typed;
using TeamBoard.Actions;
using TeamBoard.Board;

namespace TeamBoard;

/// <summary>
/// Who is on the board: each connection is tracked on connect with its name and colour (a user with several tabs is
/// one person), and says which card it edits with <see cref="EditCard"/>. The browser asks for the list and then gets
/// every join, update and leave of the board, on every instance (wwwroot/presence.js); it cannot set a name.
/// </summary>
public sealed partial class BoardHandler : IHandle<EditCard>
{
    private ValueTask TrackPresenceAsync(CancellationToken cancellationToken)
        => new(live.Presence.TrackAsync(new BoardPresence(Me, BoardPresence.ColorOf(Me), null), cancellationToken));

    public async ValueTask HandleAsync(EditCard action, ActionContext context)
    {
        if (action.CardId is { } id && !(await store.LoadAsync(live.GroupId, context.CancellationToken)).Cards.Any(c => c.Id == id))
        {
            await live.SendErrorAsync("no-such-card", $"There is no card {id} on this board.");
            return;
        }

        await live.Presence.UpdateAsync(new BoardPresence(Me, BoardPresence.ColorOf(Me), action.CardId), context.CancellationToken);
    }
}
