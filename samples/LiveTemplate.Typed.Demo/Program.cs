// Two app "instances" on the in-memory network (no services needed): a connection on instance B receives
// what instance A publishes to its group, its user and everyone, and a connection of another group does not.
using System.Text;
using LiveTemplate.Typed;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;

var network = new InMemoryNetwork();
await using var instanceA = new InMemoryBroadcaster(network);
await using var instanceB = new InMemoryBroadcaster(network);
await using var registryA = await ConnectionRegistry.AttachAsync(instanceA);
await using var registryB = await ConnectionRegistry.AttachAsync(instanceB);

var board = new GroupId("board-42");
var alice = new UserId("alice");
var aliceOnB = await registryB.RegisterAsync("tab-1", board, alice);
var bobOnB = await registryB.RegisterAsync("tab-2", new GroupId("board-7"), new UserId("bob"));
var aliceOnA = await registryA.RegisterAsync("tab-3", board, alice);

await instanceA.PublishGroupActionAsync(board, "card-moved", """{"cardId":17,"column":"done"}"""u8.ToArray());
await instanceA.PublishServerActionAsync(alice, "cart-updated", """{"items":3}"""u8.ToArray());
await instanceA.PublishGlobalAsync("maintenance at 22:00"u8.ToArray());

using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
foreach (var connection in new[] { aliceOnA, aliceOnB })
{
    for (var i = 0; i < 3; i++)
    {
        var message = await connection.Outbound.ReadAsync(timeout.Token);
        Console.WriteLine($"{connection.Id} on {(connection == aliceOnA ? "A" : "B")} <- {Describe(message)}");
    }
}

var bobMessage = await bobOnB.Outbound.ReadAsync(timeout.Token);
Console.WriteLine($"{bobOnB.Id} on B <- {Describe(bobMessage)} (and nothing for board-42 or alice)");
Console.WriteLine($"bob has {bobOnB.Outbound.Count} more message(s) queued");

static string Describe(PubSubMessage message) => message switch
{
    GroupActionMessage g => $"group action '{g.Action}' for {g.GroupId}: {Encoding.UTF8.GetString(g.Data.Span)}",
    ServerActionMessage s => $"server action '{s.Action}' for {s.UserId}: {Encoding.UTF8.GetString(s.Data.Span)}",
    BroadcastMessage b => $"{b.Scope} broadcast: {Encoding.UTF8.GetString(b.Payload.Span)}",
    _ => message.ToString()!,
};
