using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore.Tests.Fixtures;

/// <summary>The handler of the test app: one instance per connection, created with its connection and app services.</summary>
public sealed partial class TestHandler(LiveConnection live, IBroadcaster broadcaster, HandlerProbe probe)
    : IHandle<Post>, IHandle<Posted>, IHandle<Slow>, IHandle<Explode>, IHandle<Notify>, IHandle<Whisper>, IHandle<GrantAdmin>, IHandle<Follow>, IHandle<Note>, IHandle<Announce>, IHandle<SendUpdate>, IHandle<Leave>, IHandle<Hang>, IHandle<ListScope>, IConnectionLifecycle
{
    public async ValueTask HandleAsync(Post action, ActionContext context)
    {
        using var _ = probe.Enter(live.Id, "post");
        var posted = new Posted(action.Text, live.Id);
        await live.SendAsync(posted);
        await live.BroadcastToGroupAsync(posted);
    }

    public async ValueTask HandleAsync(Posted action, ActionContext context)
    {
        using var _ = probe.Enter(live.Id, "posted");
        await live.SendAsync(action);
    }

    public async ValueTask HandleAsync(Slow action, ActionContext context)
    {
        using var _ = probe.Enter(live.Id, "slow");
        await Task.Delay(action.DelayMs);
        await live.SendAsync(action);
    }

    public ValueTask HandleAsync(Explode action, ActionContext context) => throw new InvalidOperationException("exploded on purpose");

    public async ValueTask HandleAsync(Notify action, ActionContext context)
    {
        using var _ = probe.Enter(live.Id, "notify");
        await live.SendAsync(action);
    }

    public async ValueTask HandleAsync(Whisper action, ActionContext context)
    {
        using var _ = probe.Enter(live.Id, "whisper");
        // Runs for the connection's own user: every tab of that user hears it.
        await broadcaster.TriggerAsync(context.UserId!.Value, new Notify("whispered: " + action.Text));
    }

    public ValueTask HandleAsync(GrantAdmin action, ActionContext context)
    {
        probe.Enter(live.Id, "grant-admin").Dispose();
        return live.SendAsync(action);
    }

    public async ValueTask HandleAsync(Follow action, ActionContext context)
    {
        await live.SubscribeAsync(new Topic(action.Topic), context.CancellationToken);
        await live.SendAsync(new Posted("following " + action.Topic, live.Id));
    }

    public async ValueTask HandleAsync(Announce action, ActionContext context)
        => await live.PublishAsync(new BoardNote(action.Board, action.Text), context.CancellationToken);

    public async ValueTask HandleAsync(SendUpdate action, ActionContext context)
    {
        try
        {
            await live.SendAsync("raw", System.Text.Encoding.UTF8.GetBytes(action.Json));
        }
        catch (ArgumentException refused)
        {
            await live.SendAsync(new Posted("refused " + refused.ParamName, live.Id));
        }
    }

    public async ValueTask HandleAsync(Leave action, ActionContext context)
    {
        await live.SendAsync(new Posted("before close", live.Id));
        live.Close(action.Reason);
        await live.SendAsync(new Posted("after close", live.Id));
    }

    public async ValueTask HandleAsync(Hang action, ActionContext context)
    {
        using var _ = probe.Enter(live.Id, "hang");
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        finally
        {
            probe.Cancelled.Enqueue(live.Id);
        }
    }

    public async ValueTask HandleAsync(ListScope action, ActionContext context)
    {
        var scope = action.User is { } user ? Typed.Presence.PresenceScope.Of(new UserId(user)) : Typed.Presence.PresenceScope.Of(new GroupId(action.Group!));
        try
        {
            var members = await live.Presence.ListAsync(scope, context.CancellationToken);
            await live.SendAsync(new Posted("listed " + members.Count, scope.Key));
        }
        catch (UnauthorizedAccessException)
        {
            await live.SendAsync(new Posted("unauthorized", scope.Key));
        }
    }

    // Runs only for the handler's own topic subscriptions (not for the browser's).
    public ValueTask HandleAsync(Note action, ActionContext context) => live.SendAsync(new Posted("handler: " + action.Text, context.Topic!.Value.Value));

    public ValueTask OnConnectedAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask OnDisconnectedAsync(CancellationToken cancellationToken)
    {
        probe.Disconnected.Enqueue(live.Id);
        return ValueTask.CompletedTask;
    }
}
