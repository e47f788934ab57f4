using LiveTemplate.Typed.PubSub;
using Xunit;

namespace LiveTemplate.Typed.Testing.Specification;

public abstract partial class BroadcasterSpecification
{
    [Fact]
    public async Task Group_action_published_on_a_reaches_the_group_on_both_instances_and_no_other_group()
    {
        var (a, b) = await TwoInstancesAsync();
        var onA = await a.ConnectAsync("board-1");
        var onB = await b.ConnectAsync("board-1");
        var otherGroupOnB = await b.ConnectAsync("board-2");

        await a.Broadcaster.PublishGroupActionAsync(new GroupId("board-1"), "card-moved", Utf8("""{"cardId":17}"""));

        foreach (var connection in new[] { onA, onB })
        {
            var message = AsGroupAction(await connection.Outbound.NextAsync());
            Assert.Equal("card-moved", message.Action);
            Assert.Equal(new GroupId("board-1"), message.GroupId);
            Assert.Equal("""{"cardId":17}""", Text(message.Data));
            Assert.Equal(a.Broadcaster.InstanceId, message.InstanceId);
        }

        await BarrierAsync(a, "board-2", otherGroupOnB);
        Assert.Equal(0, otherGroupOnB.Outbound.Count);
    }

    [Fact]
    public async Task Server_action_published_on_a_reaches_every_connection_of_the_user_on_both_instances_and_no_other_user()
    {
        var (a, b) = await TwoInstancesAsync();
        var tab1 = await a.ConnectAsync("session-1", "alice");
        var tab2 = await b.ConnectAsync("session-2", "alice");
        var tab3 = await b.ConnectAsync("session-3", "alice");
        var bob = await b.ConnectAsync("session-4", "bob");

        await a.Broadcaster.PublishServerActionAsync(new UserId("alice"), "cart-updated", Utf8("""{"items":3}"""));

        foreach (var tab in new[] { tab1, tab2, tab3 })
        {
            var message = AsServerAction(await tab.Outbound.NextAsync());
            Assert.Equal("cart-updated", message.Action);
            Assert.Equal(new UserId("alice"), message.UserId);
            Assert.Equal("""{"items":3}""", Text(message.Data));
        }

        await BarrierAsync(a, "session-4", bob);
        Assert.Equal(0, bob.Outbound.Count);
    }

    [Fact]
    public async Task Group_broadcast_reaches_only_that_group()
    {
        var (a, b) = await TwoInstancesAsync();
        var member = await b.ConnectAsync("room-1");
        var outsider = await b.ConnectAsync("room-2");

        await a.Broadcaster.PublishToGroupAsync(new GroupId("room-1"), Utf8("hello room"));

        var message = AsBroadcast(await member.Outbound.NextAsync());
        Assert.Equal(BroadcastScope.Group, message.Scope);
        Assert.Equal("hello room", Text(message.Payload));
        await BarrierAsync(a, "room-2", outsider);
        Assert.Equal(0, outsider.Outbound.Count);
    }

    [Fact]
    public async Task User_broadcast_reaches_only_that_user()
    {
        var (a, b) = await TwoInstancesAsync();
        var alice = await b.ConnectAsync("s-1", "alice");
        var bob = await b.ConnectAsync("s-2", "bob");

        await a.Broadcaster.PublishToUserAsync(new UserId("alice"), Utf8("for alice"));

        var message = AsBroadcast(await alice.Outbound.NextAsync());
        Assert.Equal(BroadcastScope.User, message.Scope);
        Assert.Equal(new UserId("alice"), message.UserId);
        Assert.Equal("for alice", Text(message.Payload));
        await BarrierAsync(a, "s-2", bob);
        Assert.Equal(0, bob.Outbound.Count);
    }

    [Fact]
    public async Task Global_broadcast_reaches_every_connection_on_every_instance()
    {
        var (a, b) = await TwoInstancesAsync();
        var connections = new[] { await a.ConnectAsync("g-1"), await b.ConnectAsync("g-2"), await b.ConnectAsync("g-3", "carol") };

        await a.Broadcaster.PublishGlobalAsync(Utf8("maintenance at 22:00"));

        foreach (var connection in connections)
        {
            var message = AsBroadcast(await connection.Outbound.NextAsync());
            Assert.Equal(BroadcastScope.Global, message.Scope);
            Assert.Equal("maintenance at 22:00", Text(message.Payload));
        }
    }

    [Fact]
    public async Task Broadcast_excluding_a_connection_reaches_every_other_connection_of_the_group()
    {
        var (a, b) = await TwoInstancesAsync();
        var sender = await a.ConnectAsync("team");
        var peerOnA = await a.ConnectAsync("team");
        var peerOnB = await b.ConnectAsync("team");

        await a.Broadcaster.PublishToGroupAsync(new GroupId("team"), Utf8("typing"), excludeConnectionId: sender.Id);

        Assert.Equal("typing", Text(AsBroadcast(await peerOnA.Outbound.NextAsync()).Payload));
        Assert.Equal("typing", Text(AsBroadcast(await peerOnB.Outbound.NextAsync()).Payload));
        await BarrierAsync(a, "team", sender);
        Assert.Equal(0, sender.Outbound.Count);
    }

    [Fact]
    public async Task Group_action_excluding_its_sender_runs_on_every_other_connection_of_the_group_on_every_instance()
    {
        var (a, b) = await TwoInstancesAsync();
        var sender = await a.ConnectAsync("board");
        var peerOnA = await a.ConnectAsync("board");
        var peerOnB = await b.ConnectAsync("board");

        await a.Broadcaster.PublishGroupActionAsync(new GroupId("board"), "card-moved", Utf8("""{"cardId":1}"""), excludeConnectionId: sender.Id);

        foreach (var peer in new[] { peerOnA, peerOnB })
        {
            var message = AsGroupAction(await peer.Outbound.NextAsync());
            Assert.Equal("card-moved", message.Action);
            Assert.Equal(sender.Id, message.ExcludeConnectionId);
        }

        await BarrierAsync(a, "board", sender);
    }

    [Fact]
    public async Task Publishers_own_connections_receive_each_message_exactly_once()
    {
        var (a, b) = await TwoInstancesAsync();
        var onA = await a.ConnectAsync("echo");
        var onB = await b.ConnectAsync("echo");

        await a.Broadcaster.PublishGroupActionAsync(new GroupId("echo"), "first", default);
        await a.Broadcaster.PublishGroupActionAsync(new GroupId("echo"), "second", default);

        // B publishes on the same channel: when A's connection has B's message, A has also handled (and dropped)
        // the Redis echo of its own two messages, which travelled the same FIFO channel before it.
        await b.Broadcaster.PublishGroupActionAsync(new GroupId("echo"), "from-b", default);
        var seenOnA = (await onA.Outbound.NextAsync(3)).Select(m => AsGroupAction(m).Action).ToList();
        Assert.Equal(["first", "second", "from-b"], seenOnA);
        await BarrierAsync(b, "echo", onA);
        Assert.Equal(0, onA.Outbound.Count);

        // B delivers its own messages locally first (from-b, then the barrier above); A's two arrive in A's order,
        // around them, as fast as Redis brings them: four messages, the barrier among them.
        var seenOnB = (await onB.Outbound.NextAsync(4)).Select(m => AsGroupAction(m).Action).ToList();
        Assert.Single(seenOnB, action => action.StartsWith("barrier-", StringComparison.Ordinal));
        seenOnB.RemoveAll(action => action.StartsWith("barrier-", StringComparison.Ordinal));
        Assert.Equal(["first", "from-b", "second"], seenOnB.Order(StringComparer.Ordinal));
        Assert.True(seenOnB.IndexOf("first") < seenOnB.IndexOf("second"));
        Assert.Equal(0, onB.Outbound.Count);
    }

    [Fact]
    public async Task Group_actions_carry_a_per_instance_sequence_number()
    {
        var (a, b) = await TwoInstancesAsync();
        var onB = await b.ConnectAsync("seq");

        for (var i = 0; i < 3; i++)
        {
            await a.Broadcaster.PublishGroupActionAsync(new GroupId("seq"), "tick", default);
        }

        var seqs = (await onB.Outbound.NextAsync(3)).Select(m => AsGroupAction(m).Seq).ToList();
        Assert.Equal([seqs[0], seqs[0] + 1, seqs[0] + 2], seqs);
        Assert.True(seqs[0] >= 1);
    }

    [Fact]
    public async Task Ten_thousand_messages_on_one_channel_arrive_in_order()
    {
        const int count = 10_000;
        var (a, b) = await TwoInstancesAsync(new() { OutboundQueueCapacity = count });
        var onB = await b.ConnectAsync("ordered");
        var group = new GroupId("ordered");

        for (var i = 0; i < count; i++)
        {
            await a.Broadcaster.PublishGroupActionAsync(group, "n", Utf8($$"""{"i":{{i}}}"""));
        }

        var received = await onB.Outbound.NextAsync(count, TimeSpan.FromSeconds(60));
        for (var i = 0; i < count; i++)
        {
            Assert.Equal($$"""{"i":{{i}}}""", Text(AsGroupAction(received[i]).Data));
        }
    }

    [Fact]
    public async Task Handler_that_throws_is_counted_and_the_next_message_is_still_delivered()
    {
        var (a, b) = await TwoInstancesAsync();
        var onB = await b.ConnectAsync("fragile");
        var calls = 0;
        await b.Broadcaster.SubscribeGroupActionsAsync(_ => Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("boom") : ValueTask.CompletedTask);

        await a.Broadcaster.PublishGroupActionAsync(new GroupId("fragile"), "one", default);
        await a.Broadcaster.PublishGroupActionAsync(new GroupId("fragile"), "two", default);

        Assert.Equal(["one", "two"], (await onB.Outbound.NextAsync(2)).Select(m => AsGroupAction(m).Action));
        Assert.Equal(1, b.Broadcaster.GetStatistics().DroppedFor(DropReason.HandlerError));
        Assert.Contains(b.Log.Entries, e => e.Exception is InvalidOperationException { Message: "boom" });
    }
}
