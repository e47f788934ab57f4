using LiveTemplate.Typed.AspNetCore;
using LiveTemplate.Typed.Benchmarks.Servers.Typed.Actions;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Benchmarks.Servers.Typed;

/// <summary>
/// One per connection: publishes ticks and card moves to groups, ticks to topics, and passes on what its group receives. On connect it
/// tracks the connection in its group's presence when <see cref="PresenceSwitch"/> is on, then sends <see cref="Ready"/>.
/// </summary>
public sealed partial class BenchHandler(LiveConnection live, IBroadcaster broadcaster, PresenceSwitch presence)
    : IHandle<Publish>, IHandle<PublishToTopic>, IHandle<Tick>, IHandle<MoveCard>, IHandle<CardMoved>, IConnectionLifecycle
{
    /// <summary>Tracks the connection (presence on), then tells the browser its connect work is done.</summary>
    public async ValueTask OnConnectedAsync(CancellationToken cancellationToken)
    {
        if (presence.On)
        {
            await live.Presence.TrackAsync(new BenchPresence("guest", "#e11d48"), cancellationToken);
        }

        await live.SendAsync(new Ready(presence.On), cancellationToken);
    }

    /// <summary>Nothing: the host untracks a tracked connection when it closes.</summary>
    public ValueTask OnDisconnectedAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>One publish to the named group, on every instance.</summary>
    public async ValueTask HandleAsync(Publish action, ActionContext context)
        => await broadcaster.BroadcastAsync(new GroupId(LiveWiring.GroupPrefix + action.Group), new Tick(action.Seq, action.Text), context.CancellationToken);

    /// <summary>One publish to the topic of the named group (<c>bench/{group}</c>), on every instance: the browsers that subscribed get it.</summary>
    public async ValueTask HandleAsync(PublishToTopic action, ActionContext context)
        => await live.PublishAsync(new Topic(LiveWiring.TopicPrefix + action.Group), new TopicTick(action.Seq, action.Text), context.CancellationToken);

    /// <summary>A tick for this connection's group: to the browser.</summary>
    public ValueTask HandleAsync(Tick action, ActionContext context) => live.SendAsync(action);

    /// <summary>The board's move: to this browser at once, then to the rest of the board.</summary>
    public async ValueTask HandleAsync(MoveCard action, ActionContext context)
    {
        var moved = new CardMoved(action.CardId, action.Column, live.Id);
        await live.SendAsync(moved);
        await live.BroadcastToGroupAsync(moved);
    }

    /// <summary>Someone else moved a card: to the browser.</summary>
    public ValueTask HandleAsync(CardMoved action, ActionContext context) => live.SendAsync(action);
}
