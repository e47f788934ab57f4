using LiveTemplate.Typed.Benchmarks.Harness;

namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>
/// End to end over real WebSockets, against SignalR (issue 16, part 1): per stack, two server processes over one
/// redis-server and real clients from this process spread over both. Group fan-out to 1, 100 and 1,000 connections
/// (closed-loop deliveries/s and both servers' CPU per delivery; latency at a fixed rate), the board's "move a card"
/// to a board of 100, a topic's fan-out to 100 (ours: a topic the clients follow; SignalR, which has no topics: a group),
/// and memory per idle connection at 10,000 connections. Both stacks' servers run side by side and
/// every measurement alternates between them (three closed-loop rounds, each stack once in each place, median), so that the shared machine's busy
/// moments fall on both. Ours runs twice, with history (recovery) off and on, each against SignalR (which keeps none).
/// </summary>
public static class WebSocketsPart
{
    private const string Text = "card 17 moved to done by alice";
    private const int BoardSize = 100;
    private const int Rounds = 3;
    private const double MovesPerSecond = 100;
    private static readonly int[] GroupSizes = [1, 100, 1_000];
    private static readonly int[] TopicSizes = [100];

    /// <summary>Runs both stacks and writes the tables.</summary>
    public static async Task RunAsync(Report report, RunSettings settings, string redisEndpoint)
    {
        report.Heading("End to end over WebSockets: LiveTemplate.Typed against SignalR");
        report.Note($"Start: {MachineLoad.Describe()}. Per stack: two server processes (Release, server GC, the defaults of a web app) on one redis-server, clients in this process; the machine's 2 cores run all of it.");
        var only = FanOutOnly;
        var idle = only is not null ? 0 : settings.Quick ? 1_000 : 10_000;
        var measured = TimeSpan.FromSeconds(settings.Quick ? 1.5 : 5);
        var stacks = new List<StackUnderTest>();
        try
        {
            foreach (var stack in Stacks())
            {
                // Memory first, on fresh servers: what the load runs leave in pools would otherwise be counted, or
                // reused, as the connections' own.
                var servers = await ServerPair.StartAsync(stack, redisEndpoint).ConfigureAwait(false);
                var results = new StackResults();
                stacks.Add(new StackUnderTest(stack, servers, results));
                if (idle > 0)
                {
                    await MeasureIdleMemoryAsync(stack, servers, idle, results).ConfigureAwait(false);
                }

                await stacks[^1].ConnectPublisherAsync().ConfigureAwait(false);
            }

            if (idle > 0)
            {
                report.Note($"Idle memory measured: {MachineLoad.Describe()}.");
            }

            foreach (var size in only is { } one ? [one] : GroupSizes)
            {
                await FanOutAsync(stacks, size, measured).ConfigureAwait(false);
                report.Note($"Fan-out to {size} measured: {MachineLoad.Describe()}.");
            }

            // A baseline build may predate the server's topic action: the topic rows need the same server on every side.
            foreach (var size in HasBaseline || only is not null ? [] : TopicSizes)
            {
                await FanOutAsync(stacks, size, measured, viaTopic: true).ConfigureAwait(false);
                report.Note($"Topic fan-out to {size} measured: {MachineLoad.Describe()}.");
            }

            if (only is null)
            {
                await MoveCardAsync(stacks, measured).ConfigureAwait(false);
            }

            report.Note($"End: {MachineLoad.Describe()}.");
        }
        finally
        {
            foreach (var stack in stacks)
            {
                await stack.DisposeAsync().ConfigureAwait(false);
            }
        }

        WebSocketsTables.Write(report, [.. stacks.Select(s => s.Stack)], [.. stacks.Select(s => s.Results)], idle, MovesPerSecond, BoardSize, FanOutRate, Rounds);
    }

    /// <summary>
    /// Ours with history off and on, then SignalR (the reference of every ratio). With
    /// <c>--baseline-server path/to/LiveTemplate.Typed.Benchmarks.TypedServer.dll</c> (the same server built from another
    /// commit), ours and that baseline instead of the history run: two versions of the SDK measured in one run.
    /// </summary>
    private static bool HasBaseline => Environment.GetCommandLineArgs().Contains("--baseline-server");

    /// <summary>
    /// With <c>--fan-out-only N</c>: the group fan-out to N alone (no idle memory, topic or board rows), for an A/B of a
    /// change to the fan-out path in a few minutes (with <c>--baseline-server</c>).
    /// </summary>
    private static int? FanOutOnly
    {
        get
        {
            var args = Environment.GetCommandLineArgs();
            var at = Array.IndexOf(args, "--fan-out-only");
            if (at < 0)
            {
                return null;
            }

            return at + 1 < args.Length && int.TryParse(args[at + 1], out var size) && size > 0 ? size : throw new ArgumentException("--fan-out-only needs a group size (a positive number).");
        }
    }

    private static IStack[] Stacks()
    {
        var args = Environment.GetCommandLineArgs();
        var at = Array.IndexOf(args, "--baseline-server");
        if (at < 0)
        {
            return [new TypedStack(), new TypedStack(history: true), new SignalRStack()];
        }

        var baseline = at + 1 < args.Length && File.Exists(args[at + 1]) ? Path.GetFullPath(args[at + 1]) : throw new ArgumentException("--baseline-server needs the path of a built LiveTemplate.Typed.Benchmarks.TypedServer.dll.");
        return [new TypedStack(), new TypedStack(build: baseline), new SignalRStack()];
    }

    /// <summary>
    /// The fixed rate of the latency runs, well below what either stack sustains on this machine when it is busy
    /// (a rate above it measures a queue, not latency): 200 messages/s to one connection, 5,000 deliveries/s to a group.
    /// </summary>
    public static double FanOutRate(int groupSize) => groupSize == 1 ? 200 : 5_000.0 / groupSize;

    private static async Task FanOutAsync(List<StackUnderTest> stacks, int size, TimeSpan measured, bool viaTopic = false)
    {
        var group = (viaTopic ? "topic" : "fan") + size;
        var receivers = new List<ClientGroup>();
        try
        {
            foreach (var stack in stacks)
            {
                receivers.Add(await ClientGroup.ConnectAsync(stack.Stack, stack.Servers, group, size, stack.Slot, CancellationToken.None, viaTopic).ConfigureAwait(false));
            }

            foreach (var stack in stacks)
            {
                await LoadRuns.ClosedLoopAsync(stack.Publish(group, Text, viaTopic), size, stack.Slot, stack.Servers, measured / 2).ConfigureAwait(false);   // warm-up
            }

            var rounds = stacks.Select(_ => new List<ClosedLoopResult>()).ToList();
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var i in Rotated(stacks.Count, round))
                {
                    rounds[i].Add(await LoadRuns.ClosedLoopAsync(stacks[i].Publish(group, Text, viaTopic), size, stacks[i].Slot, stacks[i].Servers, measured).ConfigureAwait(false));
                }
            }

            for (var i = 0; i < stacks.Count; i++)
            {
                (viaTopic ? stacks[i].Results.TopicFanOut : stacks[i].Results.FanOut)[size] = ClosedLoopResult.Median(rounds[i]);
            }

            foreach (var i in Alternating(stacks.Count, size))
            {
                (viaTopic ? stacks[i].Results.TopicFanOutLatency : stacks[i].Results.FanOutLatency)[size] = await LoadRuns.FixedRateAsync(stacks[i].Publish(group, Text, viaTopic), size, stacks[i].Slot, FanOutRate(size), measured).ConfigureAwait(false);
            }

            foreach (var stack in stacks)
            {
                (viaTopic ? stack.Results.TopicDeliveriesPerMessage : stack.Results.DeliveriesPerMessage)[size] = await DeliveriesPerMessageAsync(stack, group, size, viaTopic, measured / 2).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var clients in receivers)
            {
                await clients.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    // After the measured runs, so that the extra member changes none of them: a closed loop with one raw client more in
    // the group (on instance 1, away from the publisher), which counts how many deliveries each WebSocket message held.
    private static async Task<double> DeliveriesPerMessageAsync(StackUnderTest stack, string group, int size, bool viaTopic, TimeSpan duration)
    {
        await using var observer = await stack.Stack.ObserveAsync(stack.Servers[1], group, viaTopic, CancellationToken.None).ConfigureAwait(false);
        observer.Start();
        await LoadRuns.ClosedLoopAsync(stack.Publish(group, Text, viaTopic), size, stack.Slot, stack.Servers, duration).ConfigureAwait(false);
        return observer.Deliveries / (double)Math.Max(1, observer.Messages);
    }

    // The board: the mover is one member (on instance 0); the others, on both instances, are measured.
    private static async Task MoveCardAsync(List<StackUnderTest> stacks, TimeSpan measured)
    {
        foreach (var stack in stacks)
        {
            await using var mover = await stack.Stack.ConnectAsync(stack.Servers[0], "board", NoListener.Instance, CancellationToken.None).ConfigureAwait(false);
            await using var board = await ClientGroup.ConnectAsync(stack.Stack, stack.Servers, "board", BoardSize - 1, stack.Slot, CancellationToken.None).ConfigureAwait(false);
            Task Move(int seq) => mover.MoveCardAsync(seq, "done");
            await LoadRuns.FixedRateAsync(Move, BoardSize - 1, stack.Slot, MovesPerSecond, measured / 2).ConfigureAwait(false);   // warm-up
            stack.Results.MoveCard = await LoadRuns.FixedRateAsync(Move, BoardSize - 1, stack.Slot, MovesPerSecond, measured).ConfigureAwait(false);
        }
    }

    // A few connections opened and closed first take start-up's one-time allocations out of the measurement.
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

    // Round r starts with stack r: over three rounds each of three stacks runs once first, once in the middle and once
    // last (0 1 2, 1 2 0, 2 0 1). With 0 1 2 / 2 1 0 / 0 1 2 the middle place was always the same stack's, and in runs
    // of one build in two places the middle one came out ahead more often than not (docs/benchmarks.md).
    private static IEnumerable<int> Rotated(int count, int round) => Enumerable.Range(0, count).Select(i => (i + round) % count);

    // 0, 1, 2 in even rounds and 2, 1, 0 in odd ones: the order of the fixed-rate runs (its round is the group size).
    private static IEnumerable<int> Alternating(int count, int round)
        => round % 2 == 0 ? Enumerable.Range(0, count) : Enumerable.Range(0, count).Reverse();
}
