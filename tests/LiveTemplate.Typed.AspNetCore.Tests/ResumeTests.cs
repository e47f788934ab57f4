using System.Net;
using System.Text.Json;
using LiveTemplate.Typed.AspNetCore.Tests.Fixtures;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>
/// Browsers that reconnect with their last positions (one in-memory instance with history on group actions, kept for
/// five messages): the missed messages come once, in order, before live ones; what the history lost is said per stream.
/// </summary>
public sealed class ResumeTests : IAsyncLifetime
{
    private static readonly GroupId Board = new("board:resume");
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(configure: o =>
    {
        o.History = HistoryKinds.GroupAction;
        o.HistorySize = 5;
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_resuming_browser_gets_what_it_missed_once_in_order_with_positions_then_live_messages()
    {
        string last;
        string previousId;
        await using (var first = await LiveClient.ConnectAsync(_app.Board("resume")))
        {
            Assert.True(StreamPosition.TryParse(first.Hello.Root.GetProperty("streams").GetProperty("group-action").GetString(), out var start));
            Assert.Equal(0UL, start.Offset);
            await PublishAsync("m1");
            var frame = await first.NextAsync("m1");
            Assert.Equal(("m1", "group-action"), (frame.Text, frame.Get("stream")));
            last = frame.Get("pos")!;
            previousId = first.ConnectionId;
        }

        await PublishAsync("m2");
        await PublishAsync("m3");
        await using var resumed = await LiveClient.ConnectAsync(Resume(previousId, last));
        await PublishAsync("m4");

        Assert.True(resumed.Hello.Root.GetProperty("resumed").GetBoolean());
        Assert.Equal(last, resumed.Hello.Root.GetProperty("streams").GetProperty("group-action").GetString());
        var frames = new[] { await resumed.NextAsync("m2"), await resumed.NextAsync("m3"), await resumed.NextAsync("m4") };
        Assert.Equal(["m2", "m3", "m4"], frames.Select(f => f.Text));
        Assert.Equal([2UL, 3UL, 4UL], frames.Select(f => Position(f).Offset));
        await PublishAsync("m5");
        Assert.Equal("m5", (await resumed.NextAsync("m5")).Text);
    }

    [Fact]
    public async Task A_resume_from_a_position_the_history_no_longer_holds_says_not_recovered_then_gives_what_it_has()
    {
        string last;
        await using (var first = await LiveClient.ConnectAsync(_app.Board("resume")))
        {
            await PublishAsync("m1");
            last = (await first.NextAsync("m1")).Get("pos")!;
        }

        for (var i = 2; i <= 8; i++)
        {
            await PublishAsync("m" + i);
        }

        await using var resumed = await LiveClient.ConnectAsync(Resume("gone", last));

        var lost = await resumed.NextAsync("not-recovered");
        Assert.Equal(("not-recovered", "group-action", "trimmed"), (lost.Type, lost.Get("stream"), lost.Get("reason")));
        Assert.Equal(3UL, Position(lost).Offset);
        var replayed = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            replayed.Add((await resumed.NextAsync("a retained message")).Text);
        }

        Assert.Equal(["m4", "m5", "m6", "m7", "m8"], replayed);
    }

    [Fact]
    public async Task A_browser_that_left_before_the_stream_had_a_message_resumes_from_its_first_one()
    {
        string before;
        await using (var first = await LiveClient.ConnectAsync(_app.Board("resume")))
        {
            before = first.Hello.Root.GetProperty("streams").GetProperty("group-action").GetString()!;
        }

        await PublishAsync("m1");
        await using var resumed = await LiveClient.ConnectAsync(Resume("gone", before));

        var frame = await resumed.NextAsync("m1");
        Assert.Equal(("m1", 1UL), (frame.Text, Position(frame).Offset));
    }

    [Fact]
    public async Task A_message_the_browser_sent_moves_its_position_with_a_position_frame_and_is_not_shown_twice()
    {
        await using var browser = await LiveClient.ConnectAsync(_app.Board("resume"));

        await browser.SendActionAsync("post", """{"text":"mine"}""");

        Assert.Equal(("posted", "mine", browser.ConnectionId), (await browser.NextAsync("its own posted")).Posted);
        var position = await browser.NextAsync("the position of its own message");
        Assert.Equal(("position", "group-action", 1UL), (position.Type, position.Get("stream"), Position(position).Offset));
        await PublishAsync("theirs");
        Assert.Equal("theirs", (await browser.NextAsync()).Text);
    }

    [Fact]
    public async Task A_resume_from_past_the_head_says_rewound_at_the_head_and_replays_nothing_it_had_again()
    {
        string epoch;
        await using (var first = await LiveClient.ConnectAsync(_app.Board("resume")))
        {
            for (var i = 1; i <= 3; i++)
            {
                await PublishAsync("m" + i);
            }

            epoch = Position(await first.NextAsync("m1")).Epoch;
        }

        // A position the stream never reached (made up, or a stream that went back after a Redis lost its last writes).
        await using var resumed = await LiveClient.ConnectAsync(Resume("gone", epoch + ":9"));

        var lost = await resumed.NextAsync("not-recovered");
        Assert.Equal(("not-recovered", "rewound", epoch + ":3"), (lost.Type, lost.Get("reason"), lost.Get("pos")));
        await PublishAsync("m4");
        var next = await resumed.NextAsync("m4, and not the history again");
        Assert.Equal(("m4", 4UL), (next.Text, Position(next).Offset));
    }

    [Fact]
    public async Task A_resume_from_another_epoch_says_epoch_changed_and_replays_the_current_epoch_from_its_start_once()
    {
        for (var i = 1; i <= 2; i++)
        {
            await PublishAsync("m" + i);
        }

        await using var resumed = await LiveClient.ConnectAsync(Resume("gone", "someOtherEpoch:7"));

        var lost = await resumed.NextAsync("not-recovered");
        Assert.Equal(("not-recovered", "epoch_changed"), (lost.Type, lost.Get("reason")));
        Assert.Equal(0UL, Position(lost).Offset);
        await PublishAsync("m3");
        var frames = new[] { await resumed.NextAsync("m1"), await resumed.NextAsync("m2"), await resumed.NextAsync("m3") };
        Assert.Equal(["m1", "m2", "m3"], frames.Select(f => f.Text));
        await PublishAsync("m4");
        Assert.Equal("m4", (await resumed.NextAsync("m4")).Text);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"streams":{"nope":"e:1"}}""")]
    [InlineData("""{"streams":{"group-action":"e"}}""")]
    [InlineData("""{"extra":1}""")]
    [InlineData("""{"streams":{"group-action":"e:1","group-action":"e:9"}}""")]
    [InlineData("""{"connectionId":"a","connectionId":"b"}""")]
    [InlineData("""{"streams":{"group-action":"e:1"},"streams":{"user":"e:1"}}""")]
    [InlineData("""{"connectionId":7}""")]
    public async Task A_malformed_resume_is_refused_with_400(string resume)
    {
        var uri = new UriBuilder(_app.Board("resume")) { Query = "resume=" + Uri.EscapeDataString(resume) }.Uri;

        Assert.Equal(HttpStatusCode.BadRequest, await LiveClient.RefusedAsync(uri));
    }

    private Task PublishAsync(string text) => _app.Broadcaster.BroadcastAsync(Board, new Posted(text, "service"));

    private Uri Resume(string previousConnectionId, string position)
    {
        var resume = JsonSerializer.Serialize(new Dictionary<string, object> { ["connectionId"] = previousConnectionId, ["streams"] = new Dictionary<string, string> { ["group-action"] = position } });
        return new UriBuilder(_app.Board("resume")) { Query = "resume=" + Uri.EscapeDataString(resume) }.Uri;
    }

    private static StreamPosition Position(Frame frame) => StreamPosition.TryParse(frame.Get("pos"), out var position) ? position : throw new InvalidOperationException($"No position in {frame}.");
}
