using LiveTemplate.Typed.PubSub;
using Xunit;

namespace LiveTemplate.Typed.Testing.Specification;

public abstract partial class BroadcasterSpecification
{
    [Fact]
    public async Task Instance_with_no_connection_in_a_group_is_not_subscribed_to_the_groups_channels()
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
    public async Task First_connection_of_a_user_subscribes_the_users_channels_and_the_last_one_to_leave_unsubscribes_them()
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
    public async Task Ten_subscribes_to_one_group_make_one_transport_subscription_and_only_the_last_unsubscribe_removes_it()
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
    public async Task Unsubscribing_what_was_never_subscribed_does_nothing()
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
    public async Task Subscribe_returns_only_once_the_transport_has_confirmed_it()
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
    public async Task Ids_with_pattern_characters_are_literal_channels_and_receive_nothing_meant_for_another_user()
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
