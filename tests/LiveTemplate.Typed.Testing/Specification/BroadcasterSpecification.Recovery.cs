using LiveTemplate.Typed.PubSub;
using Xunit;

namespace LiveTemplate.Typed.Testing.Specification;

/// <summary>Channels with history: positions, delivery in stream order exactly once, gaps filled, losses told.</summary>
public abstract partial class BroadcasterSpecification
{
    private static readonly GroupId Board = new("board");

    [Fact]
    public async Task With_history_every_instance_the_publisher_included_gets_each_message_once_in_order_with_contiguous_positions()
    {
        var a = await Harness.StartInstanceAsync(WithHistory());
        var b = await Harness.StartInstanceAsync(WithHistory());
        var onA = await a.ConnectAsync("board");
        var onB = await b.ConnectAsync("board");

        for (var i = 1; i <= 20; i++)
        {
            await (i % 2 == 0 ? a : b).Broadcaster.PublishGroupActionAsync(Board, "move", Utf8($$"""{"n":{{i}}}"""));
        }

        foreach (var connection in new[] { onA, onB })
        {
            var messages = await connection.Outbound.NextAsync(20);
            Assert.Equal(Enumerable.Range(1, 20).Select(i => $$"""{"n":{{i}}}"""), messages.Select(m => Text(AsGroupAction(m).Data)));
            var positions = messages.Select(m => m.Position!.Value).ToList();
            Assert.Single(positions.Select(p => p.Epoch).Distinct());
            Assert.Equal(Enumerable.Range(1, 20).Select(i => (ulong)i), positions.Select(p => p.Offset));
        }
    }

    [Fact]
    public async Task With_history_off_messages_carry_no_position()
    {
        var (a, b) = await TwoInstancesAsync();
        var onB = await b.ConnectAsync("board");

        await a.Broadcaster.PublishGroupActionAsync(Board, "move", default);

        Assert.Null((await onB.Outbound.NextAsync()).Position);
        Assert.False(b.Broadcaster.KeepsHistory(ChannelKind.GroupAction));
    }

    [Fact]
    public async Task Signed_messages_with_positions_verify_and_a_foreign_key_still_fails()
    {
        var a = await Harness.StartInstanceAsync(WithHistory(o => o.SigningKey = Key));
        var b = await Harness.StartInstanceAsync(WithHistory(o => o.SigningKey = Key));
        var intruder = await Harness.StartInstanceAsync(WithHistory(o => o.SigningKey = [.. Key.Reverse()]));
        var onB = await b.ConnectAsync("board");

        await a.Broadcaster.PublishGroupActionAsync(Board, "signed", default);
        await intruder.Broadcaster.PublishGroupActionAsync(Board, "forged", default);
        await a.Broadcaster.PublishGroupActionAsync(Board, "signed-again", default);

        var first = await onB.Outbound.NextAsync();
        Assert.Equal(("signed", 1UL), (AsGroupAction(first).Action, first.Position!.Value.Offset));

        // The forged message took position 2 in the stream; the receiver drops it, so position 3 follows a gap, which
        // it fills from the history, where position 2 fails the signature again: dropped twice, delivered never.
        var next = await onB.Outbound.NextAsync();
        Assert.Equal(("signed-again", 3UL), (AsGroupAction(next).Action, next.Position!.Value.Offset));
        Assert.True(b.Broadcaster.GetStatistics().DroppedFor(DropReason.BadSignature) >= 1);
        Assert.Equal(0, b.Broadcaster.GetStatistics().NotRecovered);
    }

    [Fact]
    public async Task A_connection_that_tracks_positions_also_gets_the_positioned_messages_it_is_excluded_from()
    {
        var a = await Harness.StartInstanceAsync(WithHistory());
        var tracking = await a.ConnectAsync("board");
        tracking.TracksStreamPositions = true;
        var plain = await a.ConnectAsync("board");

        await a.Broadcaster.PublishGroupActionAsync(Board, "mine", default, tracking.Id);
        await a.Broadcaster.PublishGroupActionAsync(Board, "theirs", default, plain.Id);

        var seen = await tracking.Outbound.NextAsync(2);
        Assert.Equal([("mine", tracking.Id), ("theirs", plain.Id)], seen.Select(m => (AsGroupAction(m).Action, AsGroupAction(m).ExcludeConnectionId)));
        Assert.Equal("mine", AsGroupAction(await plain.Outbound.NextAsync()).Action);
    }

    [Fact]
    public async Task Reading_a_stream_after_a_position_returns_what_came_after_it_and_says_when_it_cannot()
    {
        var a = await Harness.StartInstanceAsync(WithHistory(o => o.HistorySize = 5));
        // Reading the head of a stream that does not exist yet creates it empty, so that its reader holds a real epoch.
        var empty = await a.Broadcaster.ReadStreamAsync(ChannelKind.GroupAction, "board", null);
        Assert.Equal(0UL, empty.Head!.Value.Offset);

        for (var i = 1; i <= 8; i++)
        {
            await a.Broadcaster.PublishGroupActionAsync(Board, "move", Utf8($$"""{"n":{{i}}}"""));
        }

        var head = (await a.Broadcaster.ReadStreamAsync(ChannelKind.GroupAction, "board", null)).Head!.Value;
        Assert.Equal(8UL, head.Offset);

        var recent = await a.Broadcaster.ReadStreamAsync(ChannelKind.GroupAction, "board", head with { Offset = 5 });
        Assert.Null(recent.NotRecovered);
        Assert.Equal(["""{"n":6}""", """{"n":7}""", """{"n":8}"""], recent.Messages.Select(m => Text(AsGroupAction(m).Data)));

        var trimmed = await a.Broadcaster.ReadStreamAsync(ChannelKind.GroupAction, "board", head with { Offset = 1 });
        Assert.Equal(NotRecoveredReason.Trimmed, trimmed.NotRecovered);
        Assert.Equal(Enumerable.Range(4, 5).Select(i => (ulong)i), trimmed.Messages.Select(m => m.Position!.Value.Offset));

        var otherEpoch = await a.Broadcaster.ReadStreamAsync(ChannelKind.GroupAction, "board", new StreamPosition("gone", 3));
        Assert.Equal(NotRecoveredReason.EpochChanged, otherEpoch.NotRecovered);

        await Harness.ForgetHistoryAsync();
        var missing = await a.Broadcaster.ReadStreamAsync(ChannelKind.GroupAction, "board", head);
        Assert.Equal(NotRecoveredReason.StreamMissing, missing.NotRecovered);
        Assert.Null(missing.Head);

        // A reader's losses (a resuming browser's) are counted like the instance's own: livetemplate.streams.not_recovered.
        Assert.Equal(3, a.Broadcaster.GetStatistics().NotRecovered);
    }

    [Fact]
    public async Task A_duplicate_of_a_delivered_position_is_dropped()
    {
        var a = await Harness.StartInstanceAsync(WithHistory());
        var b = await Harness.StartInstanceAsync(WithHistory());
        var onB = await b.ConnectAsync("board");
        await a.Broadcaster.PublishGroupActionAsync(Board, "move", Utf8("""{"n":1}"""));
        var first = await onB.Outbound.NextAsync();

        // The same stamped message again, as a second delivery or a replay on the channel would bring it.
        var replay = $$"""{"type":"group_action","groupID":"board","action":"move","data":{"n":1},"seq":1,"timestamp":"2026-11-27T10:15:31Z","instanceID":"{{first.InstanceId}}","epoch":"{{first.Position!.Value.Epoch}}","pos":1}""";
        await Harness.PublishRawAsync(Names.GroupAction(Board), Utf8(replay));
        await a.Broadcaster.PublishGroupActionAsync(Board, "move", Utf8("""{"n":2}"""));

        Assert.Equal("""{"n":2}""", Text(AsGroupAction(await onB.Outbound.NextAsync()).Data));
    }

    [Fact]
    public async Task An_action_declared_not_recoverable_is_delivered_live_without_a_position_and_stays_out_of_the_history()
    {
        var a = await Harness.StartInstanceAsync(WithHistory());
        var b = await Harness.StartInstanceAsync(WithHistory());
        var onA = await a.ConnectAsync("board", "alice");
        var onB = await b.ConnectAsync("board", "alice");
        var move = new SpecCardMoved(1, "done", [], new SpecPerson("p", "P"));

        await a.Broadcaster.BroadcastAsync(Board, move);
        await a.Broadcaster.BroadcastAsync(Board, new SpecCursor(3, 4));
        await a.Broadcaster.BroadcastAsync(Board, move with { CardId = 2 });
        await a.Broadcaster.TriggerAsync(new UserId("alice"), new SpecTyping("bob"));
        await a.Broadcaster.TriggerAsync(new UserId("alice"), new SpecScore("bob", 1));

        // On B in the channel's order; on A (the publisher) a live-only action is delivered at once, local-first, so it
        // may overtake the positioned messages before it, which come back through the stream.
        foreach (var (connection, inOrder) in new[] { (onB, true), (onA, false) })
        {
            var received = await connection.Outbound.NextAsync(5);
            var groupActions = received.OfType<GroupActionMessage>().Select(m => (m.Action, m.Position?.Offset)).ToList();
            var serverActions = received.OfType<ServerActionMessage>().Select(m => (m.Action, m.Position?.Offset)).ToList();
            (string, ulong?)[] expectedGroup = [("spec-card-moved", 1UL), ("spec-cursor", null), ("spec-card-moved", 2UL)];
            (string, ulong?)[] expectedServer = [("spec-typing", null), ("spec-score", 1UL)];
            Assert.Equal(InOrder(expectedGroup, inOrder), InOrder(groupActions, inOrder));
            Assert.Equal(InOrder(expectedServer, inOrder), InOrder(serverActions, inOrder));
        }

        var history = await b.Broadcaster.ReadStreamAsync(ChannelKind.GroupAction, Board.Value, StreamPosition.BeforeStream);
        Assert.Null(history.NotRecovered);
        Assert.Equal([1UL, 2UL], history.Messages.Select(m => m.Position!.Value.Offset));
        Assert.All(history.Messages, m => Assert.Equal("spec-card-moved", AsGroupAction(m).Action));
    }

    [Fact]
    public async Task A_stream_that_expired_idle_while_its_channel_was_carried_goes_on_in_a_new_epoch_without_a_notice()
    {
        var a = await Harness.StartInstanceAsync(WithHistory(o => o.HistoryIdleExpiry = TimeSpan.FromSeconds(1)));
        var b = await Harness.StartInstanceAsync(WithHistory(o => o.HistoryIdleExpiry = TimeSpan.FromSeconds(1)));
        var onB = await b.ConnectAsync("board");
        await a.Broadcaster.PublishGroupActionAsync(Board, "move", Utf8("""{"n":1}"""));
        var first = await onB.Outbound.NextAsync();

        await Task.Delay(TimeSpan.FromMilliseconds(2500)); // past the idle expiry: the stream is gone
        await a.Broadcaster.PublishGroupActionAsync(Board, "move", Utf8("""{"n":2}"""));
        await a.Broadcaster.PublishGroupActionAsync(Board, "move", Utf8("""{"n":3}"""));

        var next = await onB.Outbound.NextAsync(2);
        Assert.Equal(["""{"n":2}""", """{"n":3}"""], next.Select(m => Text(AsGroupAction(m).Data)));
        Assert.NotEqual(first.Position!.Value.Epoch, next[0].Position!.Value.Epoch);
        Assert.Equal([1UL, 2UL], next.Select(m => m.Position!.Value.Offset));
        Assert.Equal(0, b.Broadcaster.GetStatistics().NotRecovered);
        await BarrierAsync(a, "board", onB);
    }

    [Fact]
    public async Task A_message_stamped_with_a_made_up_epoch_or_a_position_past_the_head_is_dropped_logged_and_counted_and_the_history_does_not_come_again()
    {
        var a = await Harness.StartInstanceAsync(WithHistory());
        var b = await Harness.StartInstanceAsync(WithHistory());
        var onB = await b.ConnectAsync("board");
        for (var i = 1; i <= 3; i++)
        {
            await a.Broadcaster.PublishGroupActionAsync(Board, "move", Utf8($$"""{"n":{{i}}}"""));
        }

        var seen = await onB.Outbound.NextAsync(3);

        // A message of the stream re-published under an epoch the stream never had, at offset 1 (what a new epoch
        // looks like), as a client with access to the transport could.
        var forged = $$"""{"type":"group_action","groupID":"board","action":"forged","data":{"n":1},"seq":1,"timestamp":"2026-11-27T10:15:31Z","instanceID":"{{seen[0].InstanceId}}","epoch":"madeup","pos":1}""";
        await Harness.PublishRawAsync(Names.GroupAction(Board), Utf8(forged));
        await Harness.PublishRawAsync(Names.GroupAction(Board), Utf8(forged.Replace("madeup", seen[0].Position!.Value.Epoch, StringComparison.Ordinal).Replace("\"pos\":1", "\"pos\":1000", StringComparison.Ordinal)));
        await a.Broadcaster.PublishGroupActionAsync(Board, "move", Utf8("""{"n":4}"""));

        var next = await onB.Outbound.NextAsync();
        Assert.Equal(("move", """{"n":4}""", 4UL), (AsGroupAction(next).Action, Text(AsGroupAction(next).Data), next.Position!.Value.Offset));
        await BarrierAsync(a, "board", onB);
        var stats = b.Broadcaster.GetStatistics();
        Assert.Equal(0, stats.NotRecovered);
        Assert.Equal(2, stats.DroppedFor(DropReason.NotInStream));
        var drops = b.Log.Entries.Where(e => e.EventId.Id == 1).ToList();
        Assert.Equal(2, drops.Count);
        Assert.All(drops, d => Assert.Equal(Names.GroupAction(Board), d.Fields["channel"]));
    }

    [Fact]
    public async Task With_history_the_publishers_own_messages_back_from_the_stream_are_not_counted_as_received()
    {
        var a = await Harness.StartInstanceAsync(WithHistory());
        var b = await Harness.StartInstanceAsync(WithHistory());
        var onA = await a.ConnectAsync("board");
        var onB = await b.ConnectAsync("board");

        await a.Broadcaster.PublishGroupActionAsync(Board, "move", Utf8("""{"n":1}"""));
        await a.Broadcaster.PublishGroupActionAsync(Board, "move", Utf8("""{"n":2}"""));
        await onA.Outbound.NextAsync(2);
        await onB.Outbound.NextAsync(2);

        // livetemplate.messages.received: valid messages received from other instances.
        Assert.Equal(0, a.Broadcaster.GetStatistics().Received);
        Assert.Equal(2, b.Broadcaster.GetStatistics().Received);
    }

    [Fact]
    public async Task Without_history_a_position_on_an_incoming_message_is_not_followed_and_nothing_is_reported()
    {
        var (a, b) = await TwoInstancesAsync();
        var onB = await b.ConnectAsync("board");
        string Stamped(string action, int pos) => $$"""{"type":"group_action","groupID":"board","action":"{{action}}","seq":1,"timestamp":"2026-11-27T10:15:31Z","instanceID":"elsewhere","epoch":"e1","pos":{{pos}}}""";

        // Positions someone else stamped (an instance configured otherwise, or any client of the transport): this
        // instance keeps no history, so they mean nothing here; the messages are delivered live, as they come.
        await Harness.PublishRawAsync(Names.GroupAction(Board), Utf8(Stamped("first", 1)));
        await Harness.PublishRawAsync(Names.GroupAction(Board), Utf8(Stamped("later", 5)));
        await Harness.PublishRawAsync(Names.GroupAction(Board), Utf8(Stamped("again", 5)));

        var received = await onB.Outbound.NextAsync(3);
        Assert.Equal(["first", "later", "again"], received.Select(m => AsGroupAction(m).Action));
        Assert.All(received, m => Assert.Null(m.Position));
        await BarrierAsync(a, "board", onB);
        Assert.Equal(0, b.Broadcaster.GetStatistics().NotRecovered);
    }

    [Fact]
    public async Task Without_history_an_echo_of_this_instance_with_a_position_is_dropped_as_its_echoes_are()
    {
        var (a, b) = await TwoInstancesAsync();
        var onB = await b.ConnectAsync("board");
        string Stamped(string action, string instance) => $$"""{"type":"group_action","groupID":"board","action":"{{action}}","seq":1,"timestamp":"2026-11-27T10:15:31Z","instanceID":"{{instance}}","epoch":"e1","pos":2}""";

        // B's own id with a position B never stamps (it keeps no history): an echo, delivered locally when published.
        await Harness.PublishRawAsync(Names.GroupAction(Board), Utf8(Stamped("echo", b.Broadcaster.InstanceId)));
        await Harness.PublishRawAsync(Names.GroupAction(Board), Utf8(Stamped("other", "elsewhere")));

        Assert.Equal("other", AsGroupAction(await onB.Outbound.NextAsync()).Action);
        await BarrierAsync(a, "board", onB);
        Assert.Equal(2, b.Broadcaster.GetStatistics().Received); // "other" and the barrier
    }

    private static List<(string, ulong?)> InOrder(IEnumerable<(string, ulong?)> messages, bool asReceived)
        => asReceived ? [.. messages] : [.. messages.Order()];

    private static Action<BroadcasterOptions> WithHistory(Action<BroadcasterOptions>? more = null) => options =>
    {
        options.History = HistoryKinds.All;
        more?.Invoke(options);
    };
}
