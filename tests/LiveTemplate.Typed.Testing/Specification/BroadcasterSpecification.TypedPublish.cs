using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.PubSub;
using Xunit;

namespace LiveTemplate.Typed.Testing.Specification;

/// <summary>The typed publish (TriggerAsync, BroadcastAsync) on every broadcaster: the generated JSON, local-first, the failure rule.</summary>
public abstract partial class BroadcasterSpecification
{
    private static readonly SpecCardMoved Moved = new(17, "done", ["ux", "\u00e9\"quoted\""], new SpecPerson("u-1", "Ada"));

    [Fact]
    public async Task Typed_group_action_reaches_the_group_on_every_instance_local_first_carrying_its_generated_json()
    {
        var (a, b) = await TwoInstancesAsync();
        var onA = await a.ConnectAsync("typed");
        var onB = await b.ConnectAsync("typed");
        var otherGroup = await b.ConnectAsync("typed-other");

        var publish = a.Broadcaster.BroadcastAsync(new GroupId("typed"), Moved);

        // Local-first: the publishing instance's own connection has it before the transport is even waited for.
        Assert.True(onA.Outbound.TryRead(out var local), "no local delivery before the publish task was awaited");
        await publish;
        var remote = AsGroupAction(await onB.Outbound.NextAsync());
        foreach (var message in new[] { AsGroupAction(local!), remote })
        {
            Assert.Equal(SpecCardMoved.ActionName, message.Action);
            Assert.Equal(ActionJson.SerializeToUtf8Bytes(Moved), message.Data.ToArray());
            Assert.True(ActionJson.TryRead<SpecCardMoved>(message.Data.Span, out var read, out _));
            Assert.Equal(Moved with { Tags = read!.Tags }, read);
            Assert.Equal(Moved.Tags, read.Tags);
        }

        await BarrierAsync(a, "typed-other", otherGroup);
    }

    [Fact]
    public async Task Typed_server_action_reaches_every_connection_of_the_user_on_every_instance()
    {
        var (a, b) = await TwoInstancesAsync();
        var tabOnA = await a.ConnectAsync("g-a", "player-1");
        var tabOnB = await b.ConnectAsync("g-b", "player-1");

        await b.Broadcaster.TriggerAsync(new UserId("player-1"), new SpecScore("player-1", 12.5));

        foreach (var tab in new[] { tabOnA, tabOnB })
        {
            var message = AsServerAction(await tab.Outbound.NextAsync());
            Assert.True(ActionJson.TryRead<SpecScore>(message.Data.Span, out var score, out _));
            Assert.Equal(new SpecScore("player-1", 12.5), score);
        }
    }

    [Fact]
    public async Task Typed_group_action_excluding_its_sender_reaches_every_other_connection_on_every_instance()
    {
        var (a, b) = await TwoInstancesAsync();
        var sender = await a.ConnectAsync("exclude");
        var neighbour = await a.ConnectAsync("exclude");
        var onB = await b.ConnectAsync("exclude");

        await a.Broadcaster.BroadcastAsync(new GroupId("exclude"), Moved, sender.Id);

        Assert.Equal(SpecCardMoved.ActionName, AsGroupAction(await neighbour.Outbound.NextAsync()).Action);
        Assert.Equal(SpecCardMoved.ActionName, AsGroupAction(await onB.Outbound.NextAsync()).Action);
        await BarrierAsync(b, "exclude", sender);
    }

    [Fact]
    public async Task Typed_action_that_cannot_be_written_throws_from_the_call_itself_and_nothing_is_delivered()
    {
        var (a, b) = await TwoInstancesAsync();
        var onA = await a.ConnectAsync("g", "nan-player");
        var onB = await b.ConnectAsync("g", "nan-player");

        // Typed actions used to be serialised before publishing began, so a NaN throws from TriggerAsync itself.
        Assert.Throws<ArgumentException>(() => { _ = a.Broadcaster.TriggerAsync(new UserId("nan-player"), new SpecScore("nan-player", double.NaN)); });

        await BarrierAsync(a, "g", onA, onB);
    }

    [Fact]
    public async Task Typed_action_over_max_message_bytes_is_refused_in_the_task_and_nothing_is_delivered()
    {
        var a = await Harness.StartInstanceAsync(o => o.MaxMessageBytes = 256);
        var b = await Harness.StartInstanceAsync();
        var onA = await a.ConnectAsync("big");
        var onB = await b.ConnectAsync("big");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => a.Broadcaster.BroadcastAsync(new GroupId("big"), Moved with { Column = new string('x', 300) }));

        Assert.Contains("MaxMessageBytes", error.Message, StringComparison.Ordinal);
        await BarrierAsync(a, "big", onA, onB);
    }

    [Fact]
    public async Task Typed_group_action_on_AL_one_instance_carries_the_same_generated_json()
    {
        var alone = await Harness.StartInstanceAsync();
        var tab = await alone.ConnectAsync("lone");

        await alone.Broadcaster.BroadcastAsync(new GroupId("lone"), Moved);

        Assert.Equal(ActionJson.SerializeToUtf8Bytes(Moved), AsGroupAction(await tab.Outbound.NextAsync()).Data.ToArray());
    }
}
