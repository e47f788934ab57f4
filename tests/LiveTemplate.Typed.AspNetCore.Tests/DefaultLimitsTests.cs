using System.Net.WebSockets;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>The limits docs/aspnetcore.md gives as defaults, on an app that sets none: MaxFrameBytes 32768, MaxInvalidFrames 5.</summary>
public sealed class DefaultLimitsTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task By_default_a_frame_of_32768_bytes_is_handled_and_one_of_32769_closes_with_1009()
    {
        await using var client = await LiveClient.ConnectAsync(_app.Board("default-size"));
        const string Prefix = "{\"action\":\"post\",\"data\":{\"text\":\"";
        const string Suffix = "\"}}";
        var text = new string('x', 32768 - Prefix.Length - Suffix.Length);

        await client.SendAsync(Prefix + text + Suffix);
        Assert.Equal(text, (await client.NextAsync("the answer at the default limit")).Text);

        await client.SendAsync(Prefix + text + "x" + Suffix);
        Assert.Equal(LiveErrorCodes.FrameTooLarge, Assert.Single(await client.FramesUntilClosedAsync()).Code);
        Assert.Equal((WebSocketCloseStatus.MessageTooBig, "frame too large"), await client.ClosedAsync());
    }

    [Fact]
    public async Task By_default_four_invalid_frames_are_answered_and_the_fifth_closes_with_1008_even_with_valid_ones_between()
    {
        await using var client = await LiveClient.ConnectAsync(_app.Board("default-invalid"));

        for (var i = 0; i < 4; i++)
        {
            await client.SendActionAsync("drop-tables", "{}");
            Assert.Equal(LiveErrorCodes.UnknownAction, (await client.NextAsync("refusal " + i)).Code);

            // A valid frame does not reset the count: the limit is per connection, not per run of errors.
            await client.SendActionAsync("post", $$"""{"text":"ok {{i}}"}""");
            Assert.Equal("ok " + i, (await client.NextAsync("answer " + i)).Text);
        }

        await client.SendActionAsync("drop-tables", "{}");
        Assert.Equal(LiveErrorCodes.UnknownAction, Assert.Single(await client.FramesUntilClosedAsync()).Code);
        Assert.Equal((WebSocketCloseStatus.PolicyViolation, "too many invalid frames"), await client.ClosedAsync());
    }
}
