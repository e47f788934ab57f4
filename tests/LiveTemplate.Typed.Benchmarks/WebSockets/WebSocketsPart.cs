using LiveTemplate.Typed.Benchmarks.Harness;

namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>
/// End to end over real WebSockets, against SignalR (issue 16, part 1): per stack, two server processes over one
/// redis-server and real clients from this process spread over both. Group fan-out to 1, 100 and 1,000 connections
/// (closed-loop deliveries/s and both servers' CPU per delivery; latency at a fixed rate), the board's "move a card"
/// to a board of 100, and memory per idle connection at 10,000 connections.
/// </summary>
public static class WebSocketsPart
{
    private const string Text = "card 17 moved to done by alice";
    private const int BoardSize = 100;
    private const double MovesPerSecond = 100;
    private static readonly int[] GroupSizes = [1, 100, 1_000];

    /// <summary>Runs both stacks one after the other and writes the tables.</summary>
    public static async Task RunAsync(Report report, RunSettings settings, string redisEndpoint)
    {
        report.Heading("End to end over WebSockets: LiveTemplate.Typed against SignalR");
        report.Note($"Start: {MachineLoad.Describe()}. Per stack: two server processes (Release, server GC, the defaults of a web app) on one redis-server, clients in this process; the machine's 2 cores run all of it.");
        var idle = settings.Quick ? 1_000 : 10_000;
        var measured = TimeSpan.FromSeconds(settings.Quick ? 1.5 : 5);
        IStack[] stacks = [new TypedStack(), new SignalRStack()];
        var results = new List<StackResults>();
        foreach (var stack in stacks)
        {
            results.Add(await RunStackAsync(stack, redisEndpoint, measured, idle).ConfigureAwait(false));
            report.Note($"{stack.Name} done: {MachineLoad.Describe()}.");
        }

        WebSocketsTables.Write(report, stacks, results, idle, MovesPerSecond, BoardSize, FanOutRate);
    }

    /// <summary>
    /// The fixed rate of the latency runs, well below what either stack sustains on this machine when it is busy
    /// (a rate above it measures a queue, not latency): 200 messages/s to one connection, 5,000 deliveries/s to a group.
    /// </summary>
    public static double FanOutRate(int groupSize) => groupSize == 1 ? 200 : 5_000.0 / groupSize;

    private static async Task<StackResults> RunStackAsync(IStack stack, string redisEndpoint, TimeSpan measured, int idle)
    {
        var results = new StackResults();
        var slot = new ListenerSlot();
        await using var servers = await ServerPair.StartAsync(stack, redisEndpoint).ConfigureAwait(false);
        await MeasureIdleMemoryAsync(stack, servers, idle, results).ConfigureAwait(false);
        await using var publisher = await stack.ConnectAsync(servers[0], "publisher", NoListener.Instance, CancellationToken.None).ConfigureAwait(false);
        foreach (var size in GroupSizes)
        {
            var group = "fan" + size;
            await using var receivers = await ClientGroup.ConnectAsync(stack, servers, group, size, slot, CancellationToken.None).ConfigureAwait(false);
            Task Publish(int seq) => publisher.PublishAsync(group, seq, Text);
            await LoadRuns.ClosedLoopAsync(Publish, size, slot, servers, measured / 2).ConfigureAwait(false);   // warm-up
            results.FanOut[size] = await LoadRuns.ClosedLoopAsync(Publish, size, slot, servers, measured).ConfigureAwait(false);
            results.FanOutLatency[size] = await LoadRuns.FixedRateAsync(Publish, size, slot, FanOutRate(size), measured).ConfigureAwait(false);
        }

        // The board: the mover is one member (on instance 0); the others, on both instances, are measured.
        await using (var mover = await stack.ConnectAsync(servers[0], "board", NoListener.Instance, CancellationToken.None).ConfigureAwait(false))
        await using (await ClientGroup.ConnectAsync(stack, servers, "board", BoardSize - 1, slot, CancellationToken.None).ConfigureAwait(false))
        {
            Task Move(int seq) => mover.MoveCardAsync(seq, "done");
            await LoadRuns.FixedRateAsync(Move, BoardSize - 1, slot, MovesPerSecond, measured / 2).ConfigureAwait(false);   // warm-up
            results.MoveCard = await LoadRuns.FixedRateAsync(Move, BoardSize - 1, slot, MovesPerSecond, measured).ConfigureAwait(false);
        }

        return results;
    }

    // First, on fresh servers: what the load runs leave in pools would otherwise be counted, or reused, as the
    // connections' own. A few connections opened and closed first take start-up's one-time allocations out of it.
    private static async Task MeasureIdleMemoryAsync(IStack stack, ServerPair servers, int idle, StackResults results)
    {
        await (await ClientGroup.ConnectAsync(stack, servers, "warm-up", 100, NoListener.Instance, CancellationToken.None).ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        await servers.MemoryAfterFullGcAsync().ConfigureAwait(false);
        var before = await servers.MemoryAfterFullGcAsync().ConfigureAwait(false);
        await using var connections = await ClientGroup.ConnectAsync(stack, servers, "idle", idle, NoListener.Instance, CancellationToken.None).ConfigureAwait(false);
        var after = await servers.MemoryAfterFullGcAsync().ConfigureAwait(false);
        results.WorkingSetPerConnection = (after.WorkingSet - before.WorkingSet) / (double)idle;
        results.HeapPerConnection = (after.ManagedHeap - before.ManagedHeap) / (double)idle;
    }
}
