using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.Generators.Tests.Fixtures;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>
/// A typed publish delivered on its own instance carries the same data, and is refused for the same size, whether
/// or not an envelope is written for another instance (a lone in-memory broadcaster writes none).
/// </summary>
public sealed class LocalPublishTests
{
    private static readonly GroupId Board = new("board-42");
    private static readonly CardMoved Moved = new(17, "done", ["ux", "\u00e9\"quoted\""], new Person("u-1", "Ada"));

    [Fact]
    public async Task Local_delivery_carries_the_generated_json_alone_and_with_another_instance()
    {
        var alone = await LocalDataAsync(new InMemoryNetwork(), withPeer: false);
        var withPeer = await LocalDataAsync(new InMemoryNetwork(), withPeer: true);

        Assert.Equal(ActionJson.SerializeToUtf8Bytes(Moved), alone);
        Assert.Equal(alone, withPeer);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_message_over_MaxMessageBytes_is_refused_alone_and_with_another_instance(bool withPeer)
    {
        var network = new InMemoryNetwork();
        await using var broadcaster = new InMemoryBroadcaster(network, new BroadcasterOptions { MaxMessageBytes = 256 });
        await using var peer = withPeer ? new InMemoryBroadcaster(network) : null;
        await using var registry = await ConnectionRegistry.AttachAsync(broadcaster);
        var connection = await registry.RegisterAsync("tab-1", Board);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => broadcaster.BroadcastAsync(Board, Moved with { Column = new string('x', 300) }));

        Assert.Contains("MaxMessageBytes", error.Message, StringComparison.Ordinal);
        Assert.False(connection.Outbound.TryRead(out _));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_action_that_cannot_be_written_throws_from_the_call_itself_as_before(bool withPeer)
    {
        // Typed actions used to be serialised before publishing began, so a NaN threw from TriggerAsync itself.
        var network = new InMemoryNetwork();
        await using var broadcaster = new InMemoryBroadcaster(network);
        await using var peer = withPeer ? new InMemoryBroadcaster(network) : null;
        var nan = Fixture.AllTypesAt(max: true) with { Double = double.NaN };

        Assert.Throws<ArgumentException>(() => { _ = broadcaster.TriggerAsync(new UserId("alice"), nan); });
    }

    private static async Task<byte[]> LocalDataAsync(InMemoryNetwork network, bool withPeer)
    {
        await using var broadcaster = new InMemoryBroadcaster(network);
        await using var peer = withPeer ? new InMemoryBroadcaster(network) : null;
        await using var registry = await ConnectionRegistry.AttachAsync(broadcaster);
        var connection = await registry.RegisterAsync("tab-1", Board);

        await broadcaster.BroadcastAsync(Board, Moved);

        Assert.True(connection.Outbound.TryRead(out var message));
        return ((GroupActionMessage)message).Data.ToArray();
    }
}
