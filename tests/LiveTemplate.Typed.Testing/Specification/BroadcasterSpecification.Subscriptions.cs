using LiveTemplate.Typed.PubSub;
using Xunit;

namespace LiveTemplate.Typed.Testing.Specification;

public abstract partial class BroadcasterSpecification
{
    [Fact]
    public async Task InstanceWithNoConnectionInAGroup_IsNotSubscribedToTheGroupsChannels()
    {
        var (a, b) = await TwoInstancesAsync();
        await a.ConnectAsync("private-board");
        var group = new GroupId("private-board");

        Assert.Equal(1, await Harness.CountSubscribersAsync(Names.GroupBroadcast(group)));
        Assert.Equal(1, await Harness.CountSubscribersAsync(Names.GroupAction(group)));
        Assert.False(b.Broadcaster.IsSubscribed(Names.GroupAction(group)));
        Assert.True(a.Broadcaster.IsSubscribed(Names.GroupAction(group)));

        await b.ConnectAsync("private-board");
        Assert.Equal(2, await Harness.CountSubscribersAsync(Names.GroupAction(group)));
    }

    [Fact]
    public async Task FirstConnectionOfAUser_SubscribesTheUsersChannels_AndTheLastOneToLeaveUnsubscribesThem()
    {
        var (_, b) = await TwoInstancesAsync();
        var alice = new UserId("alice");
        Assert.Equal(0, await Harness.CountSubscribersAsync(Names.ServerAction(alice)));

        var tab1 = await b.ConnectAsync("s-1", "alice");
        var tab2 = await b.ConnectAsync("s-2", "alice");
        Assert.Equal(1, await Harness.CountSubscribersAsync(Names.ServerAction(alice)));
        Assert.Equal(1, await Harness.CountSubscribersAsync(Names.UserBroadcast(alice)));

        await b.Registry.UnregisterAsync(tab1);
        Assert.Equal(1, await Harness.CountSubscribersAsync(Names.ServerAction(alice)));

        await b.Registry.UnregisterAsync(tab2);
        Assert.Equal(0, await Harness.CountSubscribersAsync(Names.ServerAction(alice)));
        Assert.Equal(0, await Harness.CountSubscribersAsync(Names.UserBroadcast(alice)));
        Assert.Equal(0, await Harness.CountSubscribersAsync(Names.GroupAction(new GroupId("s-1"))));
        Assert.True(tab2.Outbound.Completion.IsCompleted);
    }

    [Fact]
    public async Task TenSubscribesToOneGroup_MakeOneTransportSubscription_AndOnlyTheLastUnsubscribeRemovesIt()
    {
        var a = await Harness.StartInstanceAsync();
        var group = new GroupId("popular");
        var channel = Names.GroupBroadcast(group);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => a.Broadcaster.SubscribeToGroupAsync(group)));
        Assert.Equal(1, await Harness.CountSubscribersAsync(channel));

        for (var i = 0; i < 9; i++)
        {
            await a.Broadcaster.UnsubscribeFromGroupAsync(group);
            Assert.Equal(1, await Harness.CountSubscribersAsync(channel));
        }

        await a.Broadcaster.UnsubscribeFromGroupAsync(group);
        Assert.Equal(0, await Harness.CountSubscribersAsync(channel));
        Assert.False(a.Broadcaster.IsSubscribed(channel));
    }

    [Fact]
    public async Task UnsubscribingWhatWasNeverSubscribed_DoesNothing()
    {
        var a = await Harness.StartInstanceAsync();
        var before = await Harness.ActiveChannelsAsync();

        await a.Broadcaster.UnsubscribeFromGroupAsync(new GroupId("never"));
        await a.Broadcaster.UnsubscribeFromServerActionAsync(new UserId("nobody"));
        await a.Broadcaster.SubscribeToGroupActionAsync(new GroupId("once"));
        await a.Broadcaster.UnsubscribeFromGroupActionAsync(new GroupId("once"));
        await a.Broadcaster.UnsubscribeFromGroupActionAsync(new GroupId("once"));

        Assert.Equal(before, await Harness.ActiveChannelsAsync());
        await a.Broadcaster.SubscribeToGroupActionAsync(new GroupId("once"));
        Assert.Equal(1, await Harness.CountSubscribersAsync(Names.GroupAction(new GroupId("once"))));
    }

    [Fact]
    public async Task Subscribe_ReturnsOnlyOnceTheTransportHasConfirmedIt()
    {
        var a = await Harness.StartInstanceAsync();
        for (var i = 0; i < 20; i++)
        {
            var user = new UserId($"user-{i}");
            await a.Broadcaster.SubscribeToServerActionAsync(user);

            // No polling: the subscription must already be visible to any other client of the transport.
            Assert.Equal(1, await Harness.CountSubscribersAsync(Names.ServerAction(user)));
        }
    }

    [Fact]
    public async Task IdsWithPatternCharacters_AreLiteralChannels_AndReceiveNothingMeantForAnotherUser()
    {
        var (a, b) = await TwoInstancesAsync();
        var lookalikes = new List<Connections.LocalConnection>();
        foreach (var user in new[] { "*", "alice*", "[a]lice", "al?ce" })
        {
            lookalikes.Add(await b.ConnectAsync("lookalikes", user));
        }

        var alice = await b.ConnectAsync("alice-session", "alice");

        await a.Broadcaster.PublishServerActionAsync(new UserId("alice"), "secret", Utf8("""{"balance":100}"""));
        await a.Broadcaster.PublishToUserAsync(new UserId("alice"), Utf8("also secret"));

        // Two channels (action:user:alice, broadcast:user:alice): both arrive, in no particular order.
        var forAlice = await alice.Outbound.NextAsync(2);
        Assert.Equal("secret", AsServerAction(Assert.Single(forAlice, m => m is ServerActionMessage)).Action);
        Assert.Equal("also secret", Text(AsBroadcast(Assert.Single(forAlice, m => m is BroadcastMessage)).Payload));
        Assert.Equal(0, await Harness.CountPatternSubscriptionsAsync());
        Assert.Contains(Names.ServerAction(new UserId("[a]lice")), await Harness.ActiveChannelsAsync());
        await a.Broadcaster.PublishServerActionAsync(new UserId("*"), "for-star", default);
        Assert.Equal("for-star", AsServerAction(await lookalikes[0].Outbound.NextAsync()).Action);
        await BarrierAsync(a, "lookalikes", [.. lookalikes]);
    }
}
