using LiveTemplate.Typed.Benchmarks.Harness;

namespace LiveTemplate.Typed.Benchmarks.CrossInstance;

/// <summary>Who the messages of a cross-instance scenario are for.</summary>
public enum TargetScope
{
    /// <summary>Every connection of one group (typed group actions; SignalR's SendGroupAsync).</summary>
    Group,

    /// <summary>Every connection of one user (typed server actions; SignalR's SendUserAsync).</summary>
    User,
}

/// <summary>One scenario: the scope and how many connections on instance B it reaches.</summary>
public sealed record CrossInstanceScenario(TargetScope Scope, int Targets);

/// <summary>
/// One way of carrying a 100-byte message from instance A to test connections on instance B over the same
/// redis-server. Each connection reports what it receives to a <see cref="DeliverySink"/>.
/// </summary>
public interface ICrossInstancePeer : IAsyncDisposable
{
    /// <summary>The name in the tables.</summary>
    string Name { get; }

    /// <summary>The bytes one message takes on the Redis channel (envelope or protocol framing included).</summary>
    int WireBytes { get; }

    /// <summary>Creates instance A and B (each with its own multiplexer) and B's connections; returns once all are subscribed.</summary>
    Task StartAsync(string redisEndpoint, CrossInstanceScenario scenario, DeliverySink sink);

    /// <summary>Publishes message <paramref name="seq"/> from A to the scenario's connections, stamped with the time now.</summary>
    Task PublishAsync(long seq);

    /// <summary>Publishes the same message from A to a scope nobody subscribes: the cost of publishing alone.</summary>
    Task PublishToNobodyAsync(long seq);
}
