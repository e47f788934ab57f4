using LiveTemplate.Typed.AspNetCore.Tests.Fixtures;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>
/// The batch subprotocol over the real host: a browser that offers <c>livetemplate.batch</c> is answered with it and
/// gets what its connection's loop wrote in one go as one WebSocket message (frames ended by 0x1E), every frame intact
/// and in order; a browser that does not offer it gets one WebSocket message per frame, as always.
/// </summary>
public sealed class BatchedFramesTests
{
    private const int Burst = 500;

    [Fact]
    public async Task A_burst_reaches_a_batching_browser_in_fewer_messages_every_frame_in_order_and_one_that_does_not_batch_frame_by_frame()
    {
        await using var app = await TestApp.StartAsync();
        await using var batching = await LiveClient.ConnectAsync(app.Board("burst"), configure: LiveClient.OfferBatches);
        await using var plain = await LiveClient.ConnectAsync(app.Board("burst"));
        Assert.Equal(("livetemplate.batch", null), (batching.SubProtocol, plain.SubProtocol));
        var (batchingBefore, plainBefore) = (batching.Messages, plain.Messages);

        // Published without waiting for each: the messages queue up for each connection faster than its loop drains them.
        await Task.WhenAll(Enumerable.Range(0, Burst).Select(i => app.Broadcaster.BroadcastAsync(new GroupId("board:burst"), new Posted("m" + i, "server"))));

        foreach (var browser in new[] { batching, plain })
        {
            for (var i = 0; i < Burst; i++)
            {
                Assert.Equal(("posted", "m" + i, "server"), (await browser.NextAsync("m" + i)).Posted);
            }
        }

        Assert.Equal(Burst, plain.Messages - plainBefore);
        Assert.InRange(batching.Messages - batchingBefore, 1, Burst - 1);
    }
}
