using LiveTemplate.Typed.AspNetCore.Tests.Fixtures;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;

/// <summary>
/// Proves that a connection received nothing, without sleeping: send it a marker on its own group or user after
/// the message it must not have received has reached its instance; the marker must then be the next frame.
/// </summary>
public static class Absence
{
    public static async Task ProveAsync(LiveClient client, IBroadcaster broadcaster, GroupId ownGroup)
    {
        await broadcaster.BroadcastAsync(ownGroup, new Posted("marker", "test"));
        Assert.Equal(("posted", "marker"), Describe(await client.NextAsync("the marker")));
    }

    public static async Task ProveAsync(LiveClient client, IBroadcaster broadcaster, UserId ownUser)
    {
        await broadcaster.TriggerAsync(ownUser, new Notify("marker"));
        Assert.Equal(("notify", "marker"), Describe(await client.NextAsync("the marker")));
    }

    private static (string?, string?) Describe(Frame frame) => (frame.Action, frame.Text);
}
