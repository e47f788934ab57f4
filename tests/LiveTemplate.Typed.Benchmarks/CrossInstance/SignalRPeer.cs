using System.Diagnostics;
using LiveTemplate.Typed.Benchmarks.Actions;
using LiveTemplate.Typed.Benchmarks.Harness;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Benchmarks.CrossInstance;

/// <summary>
/// ASP.NET Core SignalR's Redis backplane: two RedisHubLifetimeManager instances (A and B) on their own multiplexers.
/// B's test connections are real HubConnectionContexts over in-memory pipes: SignalR writes each message, framed in
/// its JSON hub protocol, into the connection's transport, and one consumer per connection reads the pipe, splits the
/// messages and reads the send time from the first argument.
/// </summary>
public sealed class SignalRPeer : ICrossInstancePeer
{
    private const string Group = "bench-group";
    private const string User = "bench-user";
    private const string Method = "ping";
    private readonly List<Task> _consumers = [];
    private readonly List<SignalRTestConnection> _connections = [];
    private readonly List<ConnectionMultiplexer> _multiplexers = [];
    private RedisHubLifetimeManager<BenchHub>? _a;
    private RedisHubLifetimeManager<BenchHub>? _b;
    private TargetScope _scope;

    public string Name => "SignalR Redis backplane";

    public int WireBytes { get; private set; }

    public async Task StartAsync(string redisEndpoint, CrossInstanceScenario scenario, DeliverySink sink)
    {
        _scope = scenario.Scope;
        var protocol = new JsonHubProtocol();
        var resolver = new SingleProtocolResolver(protocol);
        var options = Options.Create(new RedisOptions
        {
            ConnectionFactory = async _ =>
            {
                var multiplexer = await RedisConnections.ConnectAsync(redisEndpoint);
                lock (_multiplexers)
                {
                    _multiplexers.Add(multiplexer);
                }

                return multiplexer;
            },
        });
        _a = new RedisHubLifetimeManager<BenchHub>(NullLogger<RedisHubLifetimeManager<BenchHub>>.Instance, options, resolver);
        _b = new RedisHubLifetimeManager<BenchHub>(NullLogger<RedisHubLifetimeManager<BenchHub>>.Instance, options, resolver);
        for (var i = 0; i < scenario.Targets; i++)
        {
            var connection = new SignalRTestConnection($"conn-{i}", protocol, scenario.Scope == TargetScope.User ? User : null);
            await _b.OnConnectedAsync(connection.Hub);
            if (scenario.Scope == TargetScope.Group)
            {
                await _b.AddToGroupAsync(connection.Hub.ConnectionId, Group);
            }

            _connections.Add(connection);
            _consumers.Add(Task.Run(() => connection.ReadMessagesAsync(sink.Record)));
        }

        // A publishes once before the measurements, which also connects it to Redis.
        await _a.SendGroupAsync("warm-up", Method, Arguments(0));
        var sentAt = Stopwatch.GetTimestamp();
        WireBytes = SignalRWireSize(protocol, sentAt);
    }

    public Task PublishAsync(long seq) => _scope == TargetScope.Group
        ? _a!.SendGroupAsync(Group, Method, Arguments(seq))
        : _a!.SendUserAsync(User, Method, Arguments(seq));

    public Task PublishToNobodyAsync(long seq) => _scope == TargetScope.Group
        ? _a!.SendGroupAsync("nobody", Method, Arguments(seq))
        : _a!.SendUserAsync("nobody", Method, Arguments(seq));

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await _b!.OnDisconnectedAsync(connection.Hub);
            await connection.Output.Writer.CompleteAsync();
        }

        await Task.WhenAll(_consumers);
        _a?.Dispose();
        _b?.Dispose();
        foreach (var multiplexer in _multiplexers)
        {
            await multiplexer.DisposeAsync();
        }
    }

    private static object?[] Arguments(long seq)
    {
        var sentAt = Stopwatch.GetTimestamp();
        return [sentAt, seq, PingPayload.Body(sentAt, seq)];
    }

    private static int SignalRWireSize(IHubProtocol protocol, long sentAt)
    {
        // The hub message as framed for one JSON client; on Redis it travels inside SignalR's MessagePack envelope.
        var message = new InvocationMessage(Method, [sentAt, 1L, PingPayload.Body(sentAt, 1)]);
        return protocol.GetMessageBytes(message).Length;
    }

    /// <summary>The hub of the benchmark: SignalR needs a type; no method is ever invoked on it.</summary>
    public sealed class BenchHub : Hub;
}
