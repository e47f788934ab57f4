using LiveTemplate.Typed.AotProof.Actions;
using LiveTemplate.Typed.AspNetCore;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AotProof;

/// <summary>One per connection: browser pings go to the group, notes to a user; what arrives from others goes to the browser.</summary>
public sealed partial class ProofHandler(LiveConnection live, IBroadcaster broadcaster, InstanceName instance)
    : IHandle<Ping>, IHandle<Pinged>, IHandle<Notify>, IHandle<Noted>
{
    /// <summary>Answers this browser and tells the rest of the group, on every instance.</summary>
    public async ValueTask HandleAsync(Ping action, ActionContext context)
    {
        var pinged = new Pinged(action.Seq, action.Text, action.Tags, instance.Value, DateTimeOffset.UtcNow, 12.5m, Guid.NewGuid(), true);
        await live.SendAsync(pinged);
        await live.BroadcastToGroupAsync(pinged);
    }

    /// <summary>Another connection of the group pinged: show it.</summary>
    public ValueTask HandleAsync(Pinged action, ActionContext context) => live.SendAsync(action);

    /// <summary>Sends a note to every connection of the named user.</summary>
    public async ValueTask HandleAsync(Notify action, ActionContext context)
    {
        if (!UserId.TryCreate(action.To, out var to))
        {
            await live.SendErrorAsync("bad-user", $"'{action.To}' is not a user id.");
            return;
        }

        await broadcaster.TriggerAsync(to, new Noted(action.Text, instance.Value), context.CancellationToken);
    }

    /// <summary>A note for this connection's user.</summary>
    public ValueTask HandleAsync(Noted action, ActionContext context) => live.SendAsync(action);
}
