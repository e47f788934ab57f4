using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Tests.Connections;

public sealed class ConnectionRegistryTests : IAsyncLifetime
{
    private InMemoryBroadcaster _broadcaster = null!;
    private ConnectionRegistry _registry = null!;

    public async Task InitializeAsync()
    {
        _broadcaster = new InMemoryBroadcaster();
        _registry = await ConnectionRegistry.AttachAsync(_broadcaster);
    }

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        await _broadcaster.DisposeAsync();
    }

    [Fact]
    public async Task Lookups_are_exact_match()
    {
        await _registry.RegisterAsync("c1", new GroupId("board"), new UserId("alice"));
        await _registry.RegisterAsync("c2", new GroupId("Board"), new UserId("Alice"));
        await _registry.RegisterAsync("c3", new GroupId("board-2"), new UserId("alice2"));

        Assert.Equal(["c1"], _registry.GetByGroup(new GroupId("board")).Select(c => c.Id));
        Assert.Equal(["c1"], _registry.GetByUser(new UserId("alice")).Select(c => c.Id));
        Assert.Empty(_registry.GetByGroup(new GroupId("boar")));
        Assert.Empty(_registry.GetByUser(new UserId("*")));
        Assert.Equal(3, _registry.Count);
    }

    [Fact]
    public async Task Registering_an_id_twice_is_rejected_and_the_first_stays()
    {
        var first = await _registry.RegisterAsync("dup", new GroupId("g"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _registry.RegisterAsync("dup", new GroupId("other")));

        Assert.Contains("already registered", error.Message, StringComparison.Ordinal);
        Assert.Same(first, _registry.Find("dup"));
        Assert.Empty(_registry.GetByGroup(new GroupId("other")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad\nid")]
    public async Task Invalid_connection_ids_are_rejected(string id)
        => await Assert.ThrowsAsync<ArgumentException>(() => _registry.RegisterAsync(id, new GroupId("g")));

    [Fact]
    public async Task Unregistering_twice_releases_the_channels_once()
    {
        var group = new GroupId("shared");
        var keeper = await _registry.RegisterAsync("keeper", group);
        var leaver = await _registry.RegisterAsync("leaver", group);

        await _registry.UnregisterAsync(leaver);
        await _registry.UnregisterAsync(leaver);

        Assert.True(_broadcaster.IsSubscribed(_broadcaster.Channels.GroupAction(group)));
        await _broadcaster.PublishGroupActionAsync(group, "still-here", default);
        Assert.Equal("still-here", Assert.IsType<GroupActionMessage>(await keeper.Outbound.ReadAsync()).Action);
    }

    [Fact]
    public async Task Concurrent_joins_and_leaves_of_one_group_lose_no_connection()
    {
        var group = new GroupId("churn");
        var stable = await _registry.RegisterAsync("stable", group);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                var connection = await _registry.RegisterAsync($"w{worker}-{i}", group);
                await _registry.UnregisterAsync(connection);
            }
        })));

        Assert.Equal(["stable"], _registry.GetByGroup(group).Select(c => c.Id));
        Assert.True(_broadcaster.IsSubscribed(_broadcaster.Channels.GroupAction(group)));
        await _broadcaster.PublishGroupActionAsync(group, "after-churn", default);
        Assert.Equal("after-churn", Assert.IsType<GroupActionMessage>(await stable.Outbound.ReadAsync()).Action);
    }

    [Fact]
    public async Task Register_cancelled_leaves_nothing_registered()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _registry.RegisterAsync("late", new GroupId("g"), null, cancelled.Token));

        Assert.Null(_registry.Find("late"));
        Assert.Empty(_registry.GetByGroup(new GroupId("g")));
        Assert.False(_broadcaster.IsSubscribed(_broadcaster.Channels.GroupAction(new GroupId("g"))));
    }

    [Fact]
    public async Task Register_after_the_broadcaster_is_disposed_throws_and_leaves_nothing_registered()
    {
        await _broadcaster.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => _registry.RegisterAsync("orphan", new GroupId("g")));

        Assert.Null(_registry.Find("orphan"));
        Assert.Equal(0, _registry.Count);
    }

    [Fact]
    public async Task Dispose_completes_every_connections_queue()
    {
        var connection = await _registry.RegisterAsync("c", new GroupId("g"));

        await _registry.DisposeAsync();

        await connection.Outbound.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, _registry.Count);
    }
}
