using System.Text;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;
using Xunit;

namespace LiveTemplate.Typed.Testing.Specification;

public abstract partial class BroadcasterSpecification
{
    [Fact]
    public async Task Topic_action_reaches_every_exact_subscriber_on_every_instance_and_nobody_else()
    {
        var (a, b) = await TwoInstancesAsync();
        var onA = await a.ConnectAsync("g1");
        var onB = await b.ConnectAsync("g2");
        var bystander = await b.ConnectAsync("g3");
        await a.Registry.SubscribeAsync(onA, new Topic("room/42"));
        await b.Registry.SubscribeAsync(onB, new Topic("room/42"));
        await b.Registry.SubscribeAsync(bystander, new Topic("room/43"));

        await a.Broadcaster.PublishToTopicAsync(new Topic("room/42"), "new-message", Utf8("""{"text":"hi"}"""));

        foreach (var receiver in new[] { onA, onB })
        {
            var message = AsTopicAction(await receiver.Outbound.NextAsync(what: "the topic action"));
            Assert.Equal(("room/42", "new-message", """{"text":"hi"}"""), (message.Topic.Value, message.Action, Text(message.Data)));
            Assert.Equal(a.Broadcaster.InstanceId, message.InstanceId);
            Assert.True(message.Seq > 0);
        }

        await TopicBarrierAsync(a, "room/43", bystander);
    }

    [Fact]
    public async Task Pattern_subscriber_gets_exactly_the_topics_the_grammar_matches()
    {
        var (a, b) = await TwoInstancesAsync();
        var watcher = await b.ConnectAsync("g");
        await b.Registry.SubscribeAsync(watcher, new TopicPattern("room/*"));

        // Redis's glob 'room/*' also matches these; the receiving instance re-checks with the grammar.
        await a.Broadcaster.PublishToTopicAsync(new Topic("room/7/x"), "too-deep", default);
        await a.Broadcaster.PublishToTopicAsync(new Topic("room"), "too-short", default);
        await a.Broadcaster.PublishToTopicAsync(new Topic("lobby/7"), "other", default);
        await a.Broadcaster.PublishToTopicAsync(new Topic("room/7"), "matched", default);

        var message = AsTopicAction(await watcher.Outbound.NextAsync(what: "room/7"));
        Assert.Equal(("room/7", "matched"), (message.Topic.Value, message.Action));
        await TopicBarrierAsync(a, "room/barrier", watcher);
    }

    [Fact]
    public async Task A_connection_with_an_exact_and_a_matching_pattern_subscription_gets_each_message_once_in_order()
    {
        var (a, b) = await TwoInstancesAsync();
        var both = await b.ConnectAsync("g1");
        var patternOnly = await b.ConnectAsync("g2");
        await b.Registry.SubscribeAsync(both, new Topic("room/1"));
        await b.Registry.SubscribeAsync(both, new TopicPattern("room/*"));
        await b.Registry.SubscribeAsync(both, new TopicPattern("*/1"));
        await b.Registry.SubscribeAsync(patternOnly, new TopicPattern("room/*"));

        // Each subscription's copies arrive on a receive loop of its own: whichever copy wins, the order holds.
        const int count = 40;
        for (var i = 0; i < count; i++)
        {
            await a.Broadcaster.PublishToTopicAsync(new Topic("room/1"), "n", Utf8($$"""{"i":{{i}}}"""));
        }

        var expected = Enumerable.Range(0, count).Select(i => $$"""{"i":{{i}}}""").ToArray();
        foreach (var receiver in new[] { both, patternOnly })
        {
            var received = await receiver.Outbound.NextAsync(count);
            Assert.Equal(expected, received.Select(m => Text(AsTopicAction(m).Data)));
        }

        await TopicBarrierAsync(a, "room/1", both, patternOnly);
        await Eventually.UntilAsync(() => Task.FromResult(b.Broadcaster.GetStatistics().DroppedFor(DropReason.DuplicateCopy) > 0), Eventually.MessageTimeout, "the second copies were counted");
    }

    [Fact]
    public async Task The_publishing_instance_delivers_to_its_own_pattern_subscribers_once()
    {
        var (a, _) = await TwoInstancesAsync();
        var local = await a.ConnectAsync("g");
        await a.Registry.SubscribeAsync(local, new TopicPattern("room/*"));
        await a.Registry.SubscribeAsync(local, new Topic("room/5"));

        await a.Broadcaster.PublishToTopicAsync(new Topic("room/5"), "local", default);

        Assert.Equal("local", AsTopicAction(await local.Outbound.NextAsync()).Action);
        await TopicBarrierAsync(a, "room/5", local);
    }

    [Fact]
    public async Task Seq_zero_topic_actions_are_never_deduplicated()
    {
        var b = await Harness.StartInstanceAsync();
        var receiver = await b.ConnectAsync("g");
        await b.Registry.SubscribeAsync(receiver, new Topic("room/0"));
        var envelope = Utf8("""{"type":"topic_action","groupID":"","topic":"room/0","action":"again","seq":0,"timestamp":"2026-11-27T10:15:31Z","instanceID":"go-sender"}""");

        await Harness.PublishRawAsync(Names.Topic(new Topic("room/0")), envelope);
        await Harness.PublishRawAsync(Names.Topic(new Topic("room/0")), envelope);

        Assert.All(await receiver.Outbound.NextAsync(2), m => Assert.Equal((0UL, "again"), (AsTopicAction(m).Seq, AsTopicAction(m).Action)));
    }

    [Fact]
    public async Task A_numbered_topic_action_that_arrives_twice_is_delivered_once()
    {
        var b = await Harness.StartInstanceAsync();
        var receiver = await b.ConnectAsync("g");
        await b.Registry.SubscribeAsync(receiver, new Topic("room/9"));
        var envelope = Utf8("""{"type":"topic_action","groupID":"","topic":"room/9","action":"once","seq":4,"timestamp":"2026-11-27T10:15:31Z","instanceID":"go-sender"}""");

        await Harness.PublishRawAsync(Names.Topic(new Topic("room/9")), envelope);
        await Harness.PublishRawAsync(Names.Topic(new Topic("room/9")), envelope);

        Assert.Equal("once", AsTopicAction(await receiver.Outbound.NextAsync()).Action);
        await TopicBarrierAsync(b, "room/9", receiver);
    }

    [Fact]
    public async Task Pattern_subscriptions_are_reference_counted_and_the_transport_holds_exactly_the_wanted_ones()
    {
        var (a, b) = await TwoInstancesAsync();
        var one = await a.ConnectAsync("g1");
        var two = await a.ConnectAsync("g2");
        await a.Registry.SubscribeAsync(one, new TopicPattern("room/*"));
        await a.Registry.SubscribeAsync(two, new TopicPattern("room/*"));
        await a.Registry.SubscribeAsync(two, new TopicPattern("*/alice"));
        await a.Registry.SubscribeAsync(two, new Topic("room/1"));

        Assert.Equal(2, await Harness.CountPatternSubscriptionsAsync());
        Assert.Contains(Names.Topic(new Topic("room/1")), await Harness.ActiveChannelsAsync());

        await a.Registry.UnsubscribeAsync(one, new TopicPattern("room/*"));
        Assert.Equal(2, await Harness.CountPatternSubscriptionsAsync());
        await a.Registry.UnregisterAsync(two);

        Assert.Equal(0, await Harness.CountPatternSubscriptionsAsync());
        Assert.DoesNotContain(Names.Topic(new Topic("room/1")), await Harness.ActiveChannelsAsync());
        Assert.Empty(one.TopicPatterns);
        Assert.NotNull(b);
    }

    [Fact]
    public async Task Subscribing_twice_is_once_one_unsubscribe_ends_it_and_another_connection_keeps_the_channel()
    {
        var (a, b) = await TwoInstancesAsync();
        var twice = await b.ConnectAsync("g1");
        var other = await b.ConnectAsync("g2");
        for (var i = 0; i < 2; i++)
        {
            await b.Registry.SubscribeAsync(twice, new Topic("room/2"));
            await b.Registry.SubscribeAsync(twice, new TopicPattern("room/*"));
        }

        await b.Registry.SubscribeAsync(other, new Topic("room/2"));
        await a.Broadcaster.PublishToTopicAsync(new Topic("room/2"), "one", default);
        Assert.Equal("one", AsTopicAction(await twice.Outbound.NextAsync(what: "one")).Action);
        Assert.Equal("one", AsTopicAction(await other.Outbound.NextAsync(what: "one")).Action);
        await TopicBarrierAsync(a, "room/2", twice, other); // no second "one" before it
        Assert.Equal(1, await Harness.CountPatternSubscriptionsAsync());

        // One unsubscribe each ends the connection's subscription (it was held once); the other connection keeps the channel.
        await b.Registry.UnsubscribeAsync(twice, new Topic("room/2"));
        await b.Registry.UnsubscribeAsync(twice, new TopicPattern("room/*"));
        Assert.Empty(twice.TopicPatterns);
        Assert.Equal(0, await Harness.CountPatternSubscriptionsAsync());
        Assert.Contains(Names.Topic(new Topic("room/2")), await Harness.ActiveChannelsAsync());

        await b.Registry.SubscribeAsync(twice, new Topic("room/3"));
        await a.Broadcaster.PublishToTopicAsync(new Topic("room/2"), "two", default);
        Assert.Equal("two", AsTopicAction(await other.Outbound.NextAsync(what: "two")).Action);
        await TopicBarrierAsync(a, "room/3", twice); // nothing of room/2 before it
    }

    [Fact]
    public async Task Another_users_or_sessions_reserved_topic_is_refused_and_ones_own_is_delivered()
    {
        var (a, b) = await TwoInstancesAsync();
        var alice = await b.ConnectAsync("alice-session", "alice");

        await Assert.ThrowsAsync<TopicForbiddenException>(() => b.Registry.SubscribeAsync(alice, Topic.ForUser(new UserId("bob"))));
        await Assert.ThrowsAsync<TopicForbiddenException>(() => b.Registry.SubscribeAsync(alice, Topic.ForSession(new GroupId("bob-session"))));
        await b.Registry.SubscribeAsync(alice, Topic.ForUser(new UserId("alice")));
        await b.Registry.SubscribeAsync(alice, Topic.ForSession(new GroupId("alice-session")));
        await b.Registry.SubscribeAsync(alice, new TopicPattern("*"));

        await a.Broadcaster.PublishToTopicAsync(Topic.ForUser(new UserId("bob")), "not-for-alice", default);
        await a.Broadcaster.PublishToTopicAsync(Topic.ForUser(new UserId("alice")), "refresh", default);

        var own = AsTopicAction(await alice.Outbound.NextAsync());
        Assert.Equal(("lvt:user:alice", "refresh"), (own.Topic.Value, own.Action));
        await TopicBarrierAsync(a, "lvt:session:alice-session", alice);
    }

    [Fact]
    public async Task A_reserved_topic_whose_id_holds_glob_characters_is_subscribed_literally_and_matches_no_other_id()
    {
        // docs/topics.md: a reserved topic's id follows the scope id rules, and its channel is as literal as every
        // other: a user "st*r" must not receive "stXr"'s messages, nor a session "b?[x]" those of "bX[x]" or "bx".
        var (a, b) = await TwoInstancesAsync();
        var star = await b.ConnectAsync("b?[x]", "st*r");
        await b.Registry.SubscribeAsync(star, Topic.ForUser(new UserId("st*r")));
        await b.Registry.SubscribeAsync(star, Topic.ForSession(new GroupId("b?[x]")));
        Assert.Equal(0, await Harness.CountPatternSubscriptionsAsync());

        await a.Broadcaster.PublishToTopicAsync(Topic.ForUser(new UserId("stXr")), "other-user", default);
        await a.Broadcaster.PublishToTopicAsync(Topic.ForUser(new UserId("st*r*")), "longer-user", default);
        await a.Broadcaster.PublishToTopicAsync(Topic.ForSession(new GroupId("bX[x]")), "other-session", default);
        await a.Broadcaster.PublishToTopicAsync(Topic.ForSession(new GroupId("bx")), "bracket-class", default);
        await a.Broadcaster.PublishToTopicAsync(Topic.ForUser(new UserId("st*r")), "own", default);

        var own = AsTopicAction(await star.Outbound.NextAsync(what: "its own user topic"));
        Assert.Equal(("lvt:user:st*r", "own"), (own.Topic.Value, own.Action));
        await TopicBarrierAsync(a, "lvt:session:b?[x]", star);
    }

    [Fact]
    public async Task A_topic_action_on_another_topics_channel_is_dropped_as_a_scope_mismatch()
    {
        var b = await Harness.StartInstanceAsync();
        var receiver = await b.ConnectAsync("g");
        await b.Registry.SubscribeAsync(receiver, new TopicPattern("room/*"));
        var lying = Utf8("""{"type":"topic_action","groupID":"","topic":"room/2","action":"spoof","seq":1,"timestamp":"2026-11-27T10:15:31Z","instanceID":"x"}""");

        await Harness.PublishRawClassicAsync(Names.Topic(new Topic("room/1")), lying);

        await Eventually.UntilAsync(() => Task.FromResult(b.Broadcaster.GetStatistics().DroppedFor(DropReason.ScopeMismatch) == 1), Eventually.MessageTimeout, "the spoofed topic was dropped");
        await TopicBarrierAsync(b, "room/1", receiver);
    }

    [Fact]
    public async Task Publishing_with_a_default_topic_or_a_bad_action_name_is_refused_at_the_call_before_anything_is_sent()
    {
        var a = await Harness.StartInstanceAsync();

        Assert.Throws<ArgumentException>(() => { _ = a.Broadcaster.PublishToTopicAsync(default, "x", default); });
        Assert.Throws<ArgumentException>(() => { _ = a.Broadcaster.PublishToTopicAsync(new Topic("room/1"), "", default); });
        Assert.Throws<ArgumentException>(() => { _ = a.Broadcaster.PublishToTopicAsync(new Topic("room/1"), "x", Utf8("[1]")); });
        Assert.Equal(0, a.Broadcaster.GetStatistics().Published);
    }

    [Fact]
    public async Task Typed_topic_action_with_a_template_is_published_without_a_topic_and_read_back_typed_by_pattern_subscribers()
    {
        var (a, b) = await TwoInstancesAsync();
        var watcher = await b.ConnectAsync("g");
        var roomSeven = await b.ConnectAsync("g");
        await b.Registry.SubscribeAsync(watcher, SpecRoomNote.AnyTopic);
        await b.Registry.SubscribeAsync(roomSeven, SpecRoomNote.TopicFor("7"));

        await a.Broadcaster.PublishAsync(new SpecRoomNote("7", "hello"));
        await a.Broadcaster.PublishAsync(new SpecRoomNote("8", "elsewhere"));

        // Two topics keep no order between them (docs/topics.md): on a cluster with classic pub/sub they start on
        // different nodes, and the pattern subscriber may see room/8 first.
        var both = (await watcher.Outbound.NextAsync(2)).Select(AsTopicAction).OrderBy(m => m.Topic.Value, StringComparer.Ordinal).ToList();
        var first = both[0];
        Assert.Equal(("room/7", SpecRoomNote.ActionName), (first.Topic.Value, first.Action));
        Assert.True(Actions.ActionJson.TryRead<SpecRoomNote>(first.Data.Span, out var note, out _));
        Assert.Equal(new SpecRoomNote("7", "hello"), note);
        Assert.Equal("room/8", both[1].Topic.Value);
        Assert.Equal("hello", Assert.IsType<TopicActionMessage>(await roomSeven.Outbound.NextAsync()) is { } m && Actions.ActionJson.TryRead<SpecRoomNote>(m.Data.Span, out var seven, out _) ? seven!.Text : null);
        await TopicBarrierAsync(a, "room/7", watcher, roomSeven);
    }

    [Fact]
    public async Task A_template_member_that_is_not_one_segment_is_refused_at_the_call_naming_the_member()
    {
        var a = await Harness.StartInstanceAsync();

        var error = Assert.Throws<ArgumentException>(() => { _ = a.Broadcaster.PublishAsync(new SpecRoomNote("7/8", "sneaky")); });

        Assert.Contains("RoomId is '7/8'", error.Message, StringComparison.Ordinal);
        Assert.Equal(new Topic("room/x-1"), SpecRoomNote.TopicFor("x-1"));
        Assert.Equal(new TopicPattern("room/*"), SpecRoomNote.AnyTopic);
    }

    /// <summary>
    /// Publishes a marker on <paramref name="topic"/> and asserts it is the very next message of every receiver (each
    /// subscribed to it or to a pattern matching it): nothing unexpected was queued before it.
    /// </summary>
    protected static async Task TopicBarrierAsync(TestInstance from, string topic, params LocalConnection[] receivers)
    {
        var marker = "barrier-" + Guid.NewGuid().ToString("N");
        await from.Broadcaster.PublishToTopicAsync(new Topic(topic), marker, default);
        foreach (var receiver in receivers)
        {
            var next = await receiver.Outbound.NextAsync(what: "the topic barrier marker");
            Assert.True(next is TopicActionMessage { Action: var action } && action == marker, $"{receiver.Id} got an unexpected message before the barrier: {Describe(next)}");
        }
    }

    protected static TopicActionMessage AsTopicAction(PubSubMessage message) => Assert.IsType<TopicActionMessage>(message);

    private static string Describe(PubSubMessage message) => message is TopicActionMessage t ? $"topic action {t.Action} on {t.Topic}" : message.ToString() ?? string.Empty;
}
