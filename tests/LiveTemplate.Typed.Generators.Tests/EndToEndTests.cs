using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.Generators.Tests.Fixtures;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>
/// Typed publish on one instance, delivery through the transport to another instance's registry, and the
/// generated dispatch into a typed handler there. Runs on the in-memory network and on a real redis-server.
/// </summary>
public abstract class EndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly GroupId Board = new("board-42");
    private static readonly UserId Alice = new("alice");

    private IBroadcaster _instanceA = null!;
    private IBroadcaster _instanceB = null!;
    private ConnectionRegistry _registryB = null!;

    /// <summary>Two instances on one shared transport.</summary>
    protected abstract Task<(IBroadcaster A, IBroadcaster B)> CreateInstancesAsync();

    /// <summary>Publishes raw bytes on a channel, as a Go instance sharing the transport would.</summary>
    protected abstract Task PublishRawAsync(string channel, byte[] message);

    public async Task InitializeAsync()
    {
        (_instanceA, _instanceB) = await CreateInstancesAsync();
        _registryB = await ConnectionRegistry.AttachAsync(_instanceB);
    }

    public virtual async Task DisposeAsync()
    {
        await _registryB.DisposeAsync();
        await _instanceA.DisposeAsync();
        await _instanceB.DisposeAsync();
    }

    [Fact]
    public async Task A_Go_instances_server_action_runs_the_typed_handler()
    {
        var connection = await _registryB.RegisterAsync("tab-1", Board, Alice);
        var handler = new BoardHandler();

        await PublishRawAsync("livetemplate:action:user:alice", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "wire-vectors", "go-server-action.json")));
        var result = await DispatchNextAsync(handler, connection);

        Assert.True(result.IsHandled, result.Detail);
        var expected = new CartUpdated(Guid.Parse("3f2c1d9e-8b7a-4c5d-9e0f-1a2b3c4d5e6f"), 3, 42.5m, "<b>free</b> shipping & more");
        Assert.Equal(expected, Assert.Single(handler.Handled).Action);
    }

    [Fact]
    public async Task A_typed_group_action_published_on_one_instance_runs_the_typed_handler_on_the_other()
    {
        var connection = await _registryB.RegisterAsync("tab-1", Board, Alice);
        var handler = new BoardHandler();

        await _instanceA.BroadcastAsync(Board, new CardMoved(17, "done", ["ux", "p1"], new Person("bob", "Bob")));
        var result = await DispatchNextAsync(handler, connection);

        Assert.True(result.IsHandled, result.Detail);
        var (action, context) = Assert.Single(handler.Handled);
        var moved = Assert.IsType<CardMoved>(action);
        Assert.Equal((17, "done", "Bob"), (moved.CardId, moved.Column, moved.MovedBy.Name));
        Assert.Equal(["ux", "p1"], moved.Tags);
        Assert.Equal(Board, context.GroupId);
        Assert.Same(connection, context.Connection);
        Assert.Equal(((ChannelBroadcaster)_instanceA).InstanceId, context.Message!.InstanceId);
    }

    [Fact]
    public async Task A_typed_server_action_published_on_one_instance_runs_the_typed_handler_on_the_other()
    {
        var connection = await _registryB.RegisterAsync("tab-1", Board, Alice);
        var handler = new BoardHandler();
        var cartId = Guid.NewGuid();

        await _instanceA.TriggerAsync(Alice, new CartUpdated(cartId, 3, 42.5m, "<b>free</b>"));
        var result = await DispatchNextAsync(handler, connection);

        Assert.True(result.IsHandled, result.Detail);
        Assert.Equal(new CartUpdated(cartId, 3, 42.5m, "<b>free</b>"), Assert.Single(handler.Handled).Action);
        Assert.Equal(Alice, Assert.Single(handler.Handled).Context.UserId);
    }

    [Fact]
    public async Task Every_connection_of_the_group_receives_it_and_other_groups_do_not()
    {
        var first = await _registryB.RegisterAsync("tab-1", Board, Alice);
        var second = await _registryB.RegisterAsync("tab-2", Board, new UserId("bob"));
        var elsewhere = await _registryB.RegisterAsync("tab-3", new GroupId("board-7"), new UserId("carol"));

        await _instanceA.BroadcastAsync(Board, new BoardCleared());
        await _instanceA.BroadcastAsync(new GroupId("board-7"), new CounterTicked(1));

        Assert.True((await DispatchNextAsync(new BoardHandler(), first)).IsHandled);
        Assert.True((await DispatchNextAsync(new BoardHandler(), second)).IsHandled);
        using var timeout = new CancellationTokenSource(Timeout);
        var other = Assert.IsType<GroupActionMessage>(await elsewhere.Outbound.ReadAsync(timeout.Token));
        Assert.Equal(CounterTicked.ActionName, other.Action);
        Assert.Equal(0, elsewhere.Outbound.Count);
    }

    [Fact]
    public async Task A_handler_that_does_not_know_the_action_reports_it()
    {
        var connection = await _registryB.RegisterAsync("tab-1", Board, Alice);

        await _instanceA.BroadcastAsync(Board, new CounterTicked(5));
        var result = await DispatchNextAsync(new BoardHandler(), connection);

        Assert.Equal(ActionDispatchStatus.UnknownAction, result.Status);
    }

    private static async Task<ActionDispatchResult> DispatchNextAsync(IActionDispatcher handler, LocalConnection connection)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var message = await connection.Outbound.ReadAsync(timeout.Token);
        return message switch
        {
            GroupActionMessage group => await handler.DispatchAsync(group, connection, timeout.Token),
            ServerActionMessage server => await handler.DispatchAsync(server, connection, timeout.Token),
            _ => throw new InvalidOperationException("Expected an action message, got " + message),
        };
    }
}

/// <summary>The end-to-end tests on the in-memory network.</summary>
public sealed class InMemoryEndToEndTests : EndToEndTests
{
    private readonly InMemoryNetwork _network = new();

    protected override Task<(IBroadcaster A, IBroadcaster B)> CreateInstancesAsync()
        => Task.FromResult<(IBroadcaster, IBroadcaster)>((new InMemoryBroadcaster(_network), new InMemoryBroadcaster(_network)));

    protected override Task PublishRawAsync(string channel, byte[] message)
    {
        _network.Publish(channel, message);
        return Task.CompletedTask;
    }
}
