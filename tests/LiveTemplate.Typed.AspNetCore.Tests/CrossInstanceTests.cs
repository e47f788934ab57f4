using LiveTemplate.Typed.AspNetCore.Tests.Fixtures;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>
/// Two app instances on one real redis-server, browsers (ClientWebSocket) on each. Absence is proven without
/// sleeping: once a message has reached an instance, a later marker to the bystander must be the first thing it
/// sees, because the registry hands a message to every matching connection at once and each queue is FIFO.
/// </summary>
public sealed class CrossInstanceTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private TestApp A => instances.A;

    private TestApp B => instances.B;

    [Fact]
    public async Task A_group_action_from_a_browser_on_A_reaches_the_groups_browsers_on_B_and_no_other_group()
    {
        await using var sender = await LiveClient.ConnectAsync(A.Board("g1"));
        await using var teammateOnB = await LiveClient.ConnectAsync(B.Board("g1"));
        await using var otherTeammateOnB = await LiveClient.ConnectAsync(B.Board("g1"));
        await using var otherBoardOnB = await LiveClient.ConnectAsync(B.Board("g1-other"));

        await sender.SendActionAsync("post", """{"text":"card 17 to done"}""");

        foreach (var teammate in new[] { teammateOnB, otherTeammateOnB })
        {
            Assert.Equal(("posted", "card 17 to done", sender.ConnectionId), (await teammate.NextAsync("the group action on B")).Posted);
        }

        await Absence.ProveAsync(otherBoardOnB, A.Broadcaster, new GroupId("board:g1-other"));
    }

    [Fact]
    public async Task A_typed_group_broadcast_from_a_service_on_B_reaches_the_groups_browsers_on_both_instances()
    {
        await using var onA = await LiveClient.ConnectAsync(A.Board("g2"));
        await using var onB = await LiveClient.ConnectAsync(B.Board("g2"));

        await B.Broadcaster.BroadcastAsync(new GroupId("board:g2"), new Posted("from a hosted service", "service"));

        Assert.Equal("from a hosted service", (await onA.NextAsync("on A")).Text);
        Assert.Equal("from a hosted service", (await onB.NextAsync("on B")).Text);
    }

    [Fact]
    public async Task A_server_action_reaches_every_connection_of_the_user_on_both_instances_and_no_other_user()
    {
        await using var tabOnA = await LiveClient.ConnectAsync(A.Board("g3", user: "alice-3"));
        await using var tabOnB = await LiveClient.ConnectAsync(B.Board("g3", user: "alice-3"));
        await using var otherBoardTabOnB = await LiveClient.ConnectAsync(B.Board("g3-elsewhere", user: "alice-3"));
        await using var bobOnB = await LiveClient.ConnectAsync(B.Board("g3", user: "bob-3"));

        await A.Broadcaster.TriggerAsync(new UserId("alice-3"), new Notify("your export is ready"));

        foreach (var tab in new[] { tabOnA, tabOnB, otherBoardTabOnB })
        {
            var frame = await tab.NextAsync("alice's notification");
            Assert.Equal(("notify", "your export is ready"), (frame.Action, frame.Text));
        }

        await Absence.ProveAsync(bobOnB, A.Broadcaster, new UserId("bob-3"));
    }

    [Fact]
    public async Task Disconnecting_the_last_connection_of_a_group_unsubscribes_its_channels_on_redis()
    {
        var channels = ChannelNames.Default;
        var group = new GroupId("board:g4");
        var user = new UserId("carol-4");
        string[] watched = [channels.GroupAction(group), channels.GroupBroadcast(group), channels.ServerAction(user), channels.UserBroadcast(user)];

        var first = await LiveClient.ConnectAsync(B.Board("g4", user: "carol-4"));
        var second = await LiveClient.ConnectAsync(B.Board("g4"));
        foreach (var channel in watched)
        {
            Assert.Equal(1, await instances.SubscribersAsync(channel));
        }

        await first.DisposeAsync();
        await Eventually.UntilAsync(async () => await instances.SubscribersAsync(channels.ServerAction(user)) == 0, LiveClient.Timeout, "carol's channels released");
        Assert.Equal(1, await instances.SubscribersAsync(channels.GroupAction(group)));

        await second.DisposeAsync();
        foreach (var channel in watched)
        {
            await Eventually.UntilAsync(async () => await instances.SubscribersAsync(channel) == 0, LiveClient.Timeout, channel + " unsubscribed");
        }
    }
}
