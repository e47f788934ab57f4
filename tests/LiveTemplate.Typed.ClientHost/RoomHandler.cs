using LiveTemplate.Typed.AspNetCore;

namespace LiveTemplate.Typed.ClientHost;

/// <summary>One per connection: what a browser says goes to the whole room, on every instance.</summary>
public sealed partial class RoomHandler(LiveConnection live) : IHandle<Say>, IHandle<Said>, IHandle<Repeat>, IHandle<Fail>, IHandle<Announce>
{
    public async ValueTask HandleAsync(Say action, ActionContext context)
    {
        var said = new Said(action.Text, action.Tags, live.Id);
        await live.SendAsync(said);
        await live.BroadcastToGroupAsync(said);
    }

    public ValueTask HandleAsync(Said action, ActionContext context) => live.SendAsync(action);

    public async ValueTask HandleAsync(Repeat action, ActionContext context)
    {
        for (var i = 0; i < Math.Clamp(action.Times, 0, 50); i++)
        {
            await live.SendAsync(new Said(action.Text + i, [], live.Id));
        }
    }

    public async ValueTask HandleAsync(Announce action, ActionContext context)
        => await live.PublishAsync(News.TopicFor(action.Room), new News(action.Room, action.Text));

    public ValueTask HandleAsync(Fail action, ActionContext context) => throw new InvalidOperationException(action.Why);
}
