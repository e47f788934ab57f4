using System.Text;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;
using Xunit;

namespace LiveTemplate.Typed.Testing.Specification;

/// <summary>
/// The behaviour every broadcaster must have, written once and run against each one (in-memory, Redis) with two
/// instances on one shared transport. A derived class only says how to build the transport. Each test gets a new
/// transport (a fresh redis-server, a fresh in-memory network), so subscriber counts are exact.
/// </summary>
public abstract partial class BroadcasterSpecification : IAsyncLifetime
{
    private BroadcasterHarness? _harness;

    /// <summary>The shared transport of the current test.</summary>
    protected BroadcasterHarness Harness => _harness ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The channel names of the instances (a prefix per test, unless a test configures another).</summary>
    protected ChannelNames Names => Harness.Names;

    /// <summary>Builds a new, empty transport for one test.</summary>
    protected abstract Task<BroadcasterHarness> CreateHarnessAsync();

    public async Task InitializeAsync() => _harness = await CreateHarnessAsync().ConfigureAwait(false);

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync().ConfigureAwait(false);
        }
    }

    protected async Task<(TestInstance A, TestInstance B)> TwoInstancesAsync(ConnectionRegistryOptions? registryOptions = null)
        => (await Harness.StartInstanceAsync(registryOptions: registryOptions), await Harness.StartInstanceAsync(registryOptions: registryOptions));

    protected static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    protected static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    /// <summary>
    /// Publishes a marker on <paramref name="group"/>'s group-action channel from <paramref name="from"/> and asserts it
    /// is the very next message of every receiver. Channels are FIFO, so every earlier message of that channel has
    /// then been fully handled on the receivers' instance, and nothing unexpected was queued before it: a barrier
    /// that needs no sleep.
    /// </summary>
    protected static async Task BarrierAsync(TestInstance from, string group, params LocalConnection[] receivers)
    {
        var marker = "barrier-" + Guid.NewGuid().ToString("N");
        await from.Broadcaster.PublishGroupActionAsync(new GroupId(group), marker, default);
        foreach (var receiver in receivers)
        {
            var next = await receiver.Outbound.NextAsync(what: "the barrier marker");
            Assert.True(next is GroupActionMessage { Action: var action } && action == marker, $"{receiver.Id} got an unexpected message before the barrier: {next}");
        }
    }

    protected static GroupActionMessage AsGroupAction(PubSubMessage message) => Assert.IsType<GroupActionMessage>(message);

    protected static ServerActionMessage AsServerAction(PubSubMessage message) => Assert.IsType<ServerActionMessage>(message);

    protected static BroadcastMessage AsBroadcast(PubSubMessage message) => Assert.IsType<BroadcastMessage>(message);
}
