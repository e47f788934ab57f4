namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>One side of the comparison: how to start its two servers and open a real WebSocket client to one of them.</summary>
public interface IStack
{
    /// <summary>The stack's name in the tables.</summary>
    string Name { get; }

    /// <summary>The server app's assembly (the benchmark's own build configuration).</summary>
    string ServerAssembly { get; }

    /// <summary>Arguments given to each of its servers after <c>--Redis host:port</c> (its configuration).</summary>
    IReadOnlyList<string> ServerArguments { get; }

    /// <summary>
    /// Connects a client to <paramref name="server"/> as a member of <paramref name="group"/>; what it receives goes to
    /// <paramref name="listener"/>. With <paramref name="viaTopic"/>, the client also follows the group's topic (a stack
    /// without topics: the group itself), and returns once the server confirmed it.
    /// </summary>
    Task<IStackClient> ConnectAsync(Uri server, string group, IDeliveryListener listener, CancellationToken ct, bool viaTopic = false);

    /// <summary>Opens a raw <see cref="FrameObserver"/> in <paramref name="group"/> (following its topic with <paramref name="viaTopic"/>) that counts the stack's deliveries per WebSocket message.</summary>
    Task<FrameObserver> ObserveAsync(Uri server, string group, bool viaTopic, CancellationToken ct);
}
