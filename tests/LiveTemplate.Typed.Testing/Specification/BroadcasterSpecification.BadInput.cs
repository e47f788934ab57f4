using System.Text;
using LiveTemplate.Typed.PubSub;
using Xunit;

namespace LiveTemplate.Typed.Testing.Specification;

public abstract partial class BroadcasterSpecification
{
    [Fact]
    public async Task Garbage_truncated_wrong_type_and_oversized_messages_are_dropped_logged_and_counted_and_the_next_message_arrives()
    {
        var (a, b) = await TwoInstancesAsync();
        var victim = await b.ConnectAsync("victim");
        var channel = Names.GroupAction(new GroupId("victim"));
        var oversized = Utf8($$$"""{"type":"group_action","groupID":"victim","action":"huge","data":{"blob":"{{{new string('x', 10 * 1024 * 1024)}}}"}}""");

        await Harness.PublishRawAsync(channel, Utf8("\u0001\u0002 this is not JSON at all"));
        await Harness.PublishRawAsync(channel, Utf8("""{"type":"group_action","groupID":"vic"""));
        await Harness.PublishRawAsync(channel, Utf8("""{"type":"not-a-kind","groupID":"victim","action":"x"}"""));
        await Harness.PublishRawAsync(channel, oversized);
        await Harness.PublishRawAsync(channel, new byte[] { 0x7B, 0x22, 0x74, 0x79, 0x70, 0x65, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D });
        await a.Broadcaster.PublishGroupActionAsync(new GroupId("victim"), "still-works", Utf8("""{"ok":true}"""));

        var next = AsGroupAction(await victim.Outbound.NextAsync());
        Assert.Equal("still-works", next.Action);
        var stats = b.Broadcaster.GetStatistics();
        Assert.Equal(3, stats.DroppedFor(DropReason.Malformed));
        Assert.Equal(1, stats.DroppedFor(DropReason.UnknownType));
        Assert.Equal(1, stats.DroppedFor(DropReason.Oversized));
        var drops = b.Log.Entries.Where(e => e.EventId.Id == 1).ToList();
        Assert.Equal(5, drops.Count);
        Assert.All(drops, d => Assert.Equal(channel, d.Fields["channel"]));
        Assert.All(drops, d => Assert.DoesNotContain("xxxxxxxx", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Message_for_another_scope_injected_into_a_channel_is_dropped_as_a_scope_mismatch()
    {
        var (a, b) = await TwoInstancesAsync();
        var victim = await b.ConnectAsync("victim", "alice");

        // Well-formed, but for group "elsewhere", and a server action on a group-action channel.
        await Harness.PublishRawAsync(Names.GroupAction(new GroupId("victim")), Utf8("""{"type":"group_action","groupID":"elsewhere","action":"x","seq":1,"timestamp":"2026-11-27T10:15:31Z","instanceID":"intruder"}"""));
        await Harness.PublishRawAsync(Names.GroupAction(new GroupId("victim")), Utf8("""{"type":"server_action","userID":"alice","action":"x","timestamp":"2026-11-27T10:15:31Z","instanceID":"intruder"}"""));
        await BarrierAsync(a, "victim", victim);

        Assert.Equal(2, b.Broadcaster.GetStatistics().DroppedFor(DropReason.ScopeMismatch));
    }

    [Fact]
    public async Task Action_data_that_is_not_a_json_object_is_rejected_on_publish_and_nothing_is_delivered()
    {
        var (a, b) = await TwoInstancesAsync();
        var onB = await b.ConnectAsync("strict");

        await Assert.ThrowsAsync<ArgumentException>(() => a.Broadcaster.PublishGroupActionAsync(new GroupId("strict"), "bad", Utf8("[1,2]")));
        await Assert.ThrowsAsync<ArgumentException>(() => a.Broadcaster.PublishServerActionAsync(new UserId("u"), "bad", Utf8("""{"open":""")));
        await Assert.ThrowsAsync<ArgumentException>(() => a.Broadcaster.PublishGroupActionAsync(new GroupId("strict"), "", default));
        await Assert.ThrowsAsync<ArgumentException>(() => a.Broadcaster.PublishGroupActionAsync(default, "x", default));

        await BarrierAsync(a, "strict", onB);
    }

    [Fact]
    public async Task Message_larger_than_the_limit_is_rejected_on_publish_before_any_delivery()
    {
        var a = await Harness.StartInstanceAsync(o => o.MaxMessageBytes = 1024);
        var onA = await a.ConnectAsync("small");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => a.Broadcaster.PublishToGroupAsync(new GroupId("small"), new byte[2000]));

        Assert.Contains("MaxMessageBytes", error.Message, StringComparison.Ordinal);
        await BarrierAsync(a, "small", onA);
    }

    [Theory]
    [MemberData(nameof(GoVectorFiles))]
    public async Task Go_vector_published_raw_into_its_channel_is_delivered_decoded(string file)
    {
        // The vector's channel (default prefix, as Go names it; ChannelNamesTests pins those names) under this harness's
        // own prefix: a cluster is shared by a whole test class, and a copy of the previous case's vector still on the
        // cluster bus must not reach this case's subscriber.
        var channel = WireVectors.Channels[file];
        Assert.StartsWith(ChannelNames.DefaultPrefix + ":", channel, StringComparison.Ordinal);
        channel = Names.Prefix + channel[ChannelNames.DefaultPrefix.Length..];
        var b = await Harness.StartInstanceAsync();
        var boardMember = await b.ConnectAsync("board-42");
        var alice = await b.ConnectAsync("alice-session", "alice");
        await b.Registry.SubscribeAsync(boardMember, new Topic("room/42"));
        await b.Registry.SubscribeAsync(alice, Topic.ForUser(new UserId("alice")));
        var expected = WireVectors.Expected.Single(row => row[0] == file);
        var receiver = expected[2] is "user alice" or "topic lvt:user:alice" ? alice : boardMember;

        await Harness.PublishRawAsync(channel, WireVectors.Bytes(file));

        var message = await receiver.Outbound.NextAsync(what: file);
        Assert.True(Guid.TryParse(message.InstanceId, out _), $"instanceID of {file} was not read: '{message.InstanceId}'");
        Assert.NotEqual(default, message.Timestamp);
        switch (file)
        {
            case "go-server-action.json":
                var serverAction = AsServerAction(message);
                Assert.Equal(("alice", "cart-updated"), (serverAction.UserId.Value, serverAction.Action));
                Assert.Contains("\"items\":3", Text(serverAction.Data), StringComparison.Ordinal);
                break;
            case "go-group-action.json":
                var groupAction = AsGroupAction(message);
                Assert.Equal(("board-42", "card-moved", 12UL), (groupAction.GroupId.Value, groupAction.Action, groupAction.Seq));
                Assert.StartsWith("{\"cardId\":17", Text(groupAction.Data), StringComparison.Ordinal);
                break;
            case "go-group-action-before-seq.json":
                var beforeSeq = AsGroupAction(message);
                Assert.Equal(("board-42", "card-moved", 0UL), (beforeSeq.GroupId.Value, beforeSeq.Action, beforeSeq.Seq));
                Assert.Equal("""{"cardId":17}""", Text(beforeSeq.Data));
                Assert.Equal(TimeSpan.FromMinutes(345), beforeSeq.Timestamp.Offset);
                break;
            case "go-group-action-legacy.json":
                var legacy = AsGroupAction(message);
                Assert.Equal(("board-42", "board-cleared", 0UL), (legacy.GroupId.Value, legacy.Action, legacy.Seq));
                Assert.True(legacy.Data.IsEmpty);
                break;
            case "go-broadcast-global.json":
                Assert.Equal("""{"message":"maintenance at 22:00"}""", Text(AsBroadcast(message).Payload));
                Assert.Equal(BroadcastScope.Global, AsBroadcast(message).Scope);
                break;
            case "go-broadcast-group.json":
                Assert.Equal("""{"count":7}""", Text(AsBroadcast(message).Payload));
                Assert.Equal(new GroupId("board-42"), AsBroadcast(message).GroupId);
                break;
            case "go-broadcast-user.json":
                Assert.Equal("hello", Encoding.UTF8.GetString(AsBroadcast(message).Payload.Span));
                Assert.Equal(new UserId("alice"), AsBroadcast(message).UserId);
                break;
            case "go-topic-action.json":
                var topicAction = Assert.IsType<TopicActionMessage>(message);
                Assert.Equal(("room/42", "NewMessage", 17UL), (topicAction.Topic.Value, topicAction.Action, topicAction.Seq));
                Assert.Equal("""{"from":"bob","n":3,"text":"hi \u003call\u003e \u0026 welcome"}""", Text(topicAction.Data));
                Assert.Equal(TimeSpan.FromMinutes(345), topicAction.Timestamp.Offset);
                Assert.True(Actions.ActionJson.TryRead<SpecNewMessage>(topicAction.Data.Span, out var typed, out var error), error?.ToString());
                Assert.Equal(new SpecNewMessage("bob", 3, "hi <all> & welcome"), typed);
                break;
            case "go-topic-action-user.json":
                var own = Assert.IsType<TopicActionMessage>(message);
                Assert.Equal(("lvt:user:alice", "Refresh", 18UL), (own.Topic.Value, own.Action, own.Seq));
                Assert.True(own.Data.IsEmpty);
                break;
            default:
                Assert.Fail($"No expectation written for {file}.");
                break;
        }
    }

    public static TheoryData<string> GoVectorFiles() => WireVectors.Files();
}
