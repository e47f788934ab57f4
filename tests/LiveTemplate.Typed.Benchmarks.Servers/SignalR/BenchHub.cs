using Microsoft.AspNetCore.SignalR;

namespace LiveTemplate.Typed.Benchmarks.Servers.SignalR;

/// <summary>The same logical work as the typed server's handler: a connection joins the group of its query string.</summary>
public sealed class BenchHub : Hub
{
    /// <summary>Joins the group named by <c>?group=</c>, as the typed server's route does.</summary>
    public override async Task OnConnectedAsync()
    {
        if (Context.GetHttpContext()?.Request.Query["group"] is [{ Length: > 0 } group])
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }

        await base.OnConnectedAsync();
    }

    /// <summary>One publish to the named group, on every instance.</summary>
    public Task Publish(string group, int seq, string text) => Clients.Group(group).SendAsync("tick", new Tick(seq, text));

    /// <summary>The board's move: to the caller, then to the rest of the board.</summary>
    public async Task MoveCard(int cardId, string column)
    {
        var moved = new CardMoved(cardId, column, Context.ConnectionId);
        await Clients.Caller.SendAsync("cardMoved", moved);
        if (Context.GetHttpContext()?.Request.Query["group"] is [{ Length: > 0 } group])
        {
            await Clients.OthersInGroup(group).SendAsync("cardMoved", moved);
        }
    }
}
