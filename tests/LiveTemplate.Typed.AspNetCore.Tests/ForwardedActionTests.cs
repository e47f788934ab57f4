using LiveTemplate.Typed.AspNetCore.Tests.Fixtures;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>
/// A group action every member's handler forwards unchanged (<c>live.SendAsync(action)</c>) is written once per message
/// and instance and the same bytes go to every member: each still gets exactly the frame of its message, in order,
/// with its own stream position when the group keeps history. The same holds for an opaque broadcast's frame.
/// </summary>
public sealed class ForwardedActionTests
{
    private const int Members = 3;
    private const int Messages = 20;

    [Fact]
    public async Task Every_member_gets_each_forwarded_action_as_the_frame_of_its_own_message_in_order()
    {
        await using var app = await TestApp.StartAsync();
        var members = await ConnectAsync(app, "forwarded");

        for (var i = 0; i < Messages; i++)
        {
            await app.Broadcaster.BroadcastAsync(new GroupId("board:forwarded"), new Posted("m" + i, "server"));
        }

        foreach (var member in members)
        {
            for (var i = 0; i < Messages; i++)
            {
                var frame = await member.NextAsync("m" + i);
                Assert.Equal($$$"""{"type":"action","action":"posted","data":{"text":"m{{{i}}}","from":"server"}}""", frame.Raw);
            }
        }

        await DisposeAsync(members);
    }

    [Fact]
    public async Task With_history_every_member_s_frame_carries_the_message_s_position_after_the_shared_bytes()
    {
        await using var app = await TestApp.StartAsync(configure: o => o.History = HistoryKinds.GroupAction);
        var members = await ConnectAsync(app, "positioned");

        for (var i = 0; i < Messages; i++)
        {
            await app.Broadcaster.BroadcastAsync(new GroupId("board:positioned"), new Posted("m" + i, "server"));
        }

        await AssertPositionedFramesAsync(members, (i, pos) => $$"""{"type":"action","action":"posted","data":{"text":"m{{i}}","from":"server"},"stream":"group-action","pos":"{{pos}}"}""");
        await DisposeAsync(members);
    }

    [Fact]
    public async Task An_opaque_broadcast_s_frame_is_each_member_s_exactly_with_its_position_when_the_group_keeps_history()
    {
        // The broadcast frame depends on the message alone: written once for every member, stamped per member.
        await using var app = await TestApp.StartAsync(configure: o => o.History = HistoryKinds.GroupBroadcast);
        var members = await ConnectAsync(app, "opaque");

        for (var i = 0; i < Messages; i++)
        {
            await app.Broadcaster.PublishToGroupAsync(new GroupId("board:opaque"), System.Text.Encoding.UTF8.GetBytes($$"""{"n":{{i}}}"""));
        }

        await AssertPositionedFramesAsync(members, (i, pos) => $$$"""{"type":"broadcast","scope":"group","data":{"n":{{{i}}}},"stream":"group","pos":"{{{pos}}}"}""");
        await DisposeAsync(members);
    }

    // Each member gets message i's exact frame with its position; the positions are distinct and the same for every member.
    private static async Task AssertPositionedFramesAsync(LiveClient[] members, Func<int, string, string> expected)
    {
        var positions = new List<string>[Members];
        for (var m = 0; m < Members; m++)
        {
            positions[m] = [];
            for (var i = 0; i < Messages; i++)
            {
                var frame = await members[m].NextAsync("message " + i);
                var pos = frame.Get("pos")!;
                Assert.Equal(expected(i, pos), frame.Raw);
                positions[m].Add(pos);
            }
        }

        Assert.Equal(Messages, positions[0].Distinct().Count());
        Assert.All(positions, seen => Assert.Equal(positions[0], seen));
    }

    private static async Task<LiveClient[]> ConnectAsync(TestApp app, string board)
    {
        var members = new LiveClient[Members];
        for (var i = 0; i < Members; i++)
        {
            members[i] = await LiveClient.ConnectAsync(app.Board(board));
        }

        return members;
    }

    private static async Task DisposeAsync(LiveClient[] members)
    {
        foreach (var member in members)
        {
            await member.DisposeAsync();
        }
    }
}
