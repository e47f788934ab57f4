using System.Diagnostics;
using System.IO.Pipelines;
using LiveTemplate.Typed.Benchmarks.Actions;
using LiveTemplate.Typed.Benchmarks.Harness;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Benchmarks.CrossInstance;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveTemplate.Typed.Benchmarks.FanOut;

/// <summary>
/// Local fan-out: one publish to a group of 1, 100 and 10,000 connections on the same instance. LiveTemplate.Typed
/// publishes a typed group action through its broadcaster, which delivers locally first into each connection's
/// queue; SignalR's DefaultHubLifetimeManager (its single-server lifetime manager) writes the framed message into
/// each connection's pipe. Publishing is timed; the queues and pipes are emptied between batches, outside the clock.
/// </summary>
public static class FanOutPart
{
    private static readonly GroupId Group = new("fan-out");

    public static async Task RunAsync(Report report, RunSettings settings)
    {
        report.Heading("Local fan-out: one publish to a group of local connections");
        report.Note($"Start: {MachineLoad.Describe()}.");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var size in new[] { 1, 100, 10_000 })
        {
            var ours = await OursAsync(size, settings);
            var signalR = await SignalRAsync(size, settings);
            rows.Add([Report.Number(size), Report.Number(ours), Report.Number(signalR), Report.Ratio(ours, signalR)]);
            Console.WriteLine($"   {size}: ours {ours:N0}, SignalR {signalR:N0} deliveries/s");
        }

        report.Note("Deliveries per second of publishing time (a delivery is one message into one connection's queue or pipe); median of the timed batches over about a second per cell.");
        report.Table(["Connections in the group", "LiveTemplate.Typed deliveries/s", "SignalR (DefaultHubLifetimeManager) deliveries/s", "ours / SignalR"], rows);
        report.Note($"End: {MachineLoad.Describe()}.");
    }

    private static async Task<double> OursAsync(int size, RunSettings settings)
    {
        await using var broadcaster = new InMemoryBroadcaster();
        await using var registry = await ConnectionRegistry.AttachAsync(broadcaster);
        var connections = new LocalConnection[size];
        for (var i = 0; i < size; i++)
        {
            connections[i] = await registry.RegisterAsync($"conn-{i}", Group);
        }

        var ping = new GroupPing(Stopwatch.GetTimestamp(), 1, PingPayload.Body(0, 1));
        return await MeasureAsync(size, settings, () => broadcaster.BroadcastAsync(Group, ping), () =>
        {
            foreach (var connection in connections)
            {
                while (connection.Outbound.TryRead(out _))
                {
                }
            }
        });
    }

    private static async Task<double> SignalRAsync(int size, RunSettings settings)
    {
        var manager = new DefaultHubLifetimeManager<FanOutHub>(NullLogger<DefaultHubLifetimeManager<FanOutHub>>.Instance);
        var protocol = new JsonHubProtocol();
        var outputs = new Pipe[size];
        for (var i = 0; i < size; i++)
        {
            // No back-pressure: the batch is read out after the clock stops, as the SDK's queues are.
            var connection = new SignalRTestConnection($"conn-{i}", protocol, userId: null, new PipeOptions(pauseWriterThreshold: 0));
            outputs[i] = connection.Output;
            await manager.OnConnectedAsync(connection.Hub);
            await manager.AddToGroupAsync(connection.Hub.ConnectionId, Group.Value);
        }

        var sentAt = Stopwatch.GetTimestamp();
        return await MeasureAsync(size, settings, () => manager.SendGroupAsync(Group.Value, "ping", [sentAt, 1L, PingPayload.Body(0, 1)]), () =>
        {
            foreach (var output in outputs)
            {
                if (output.Reader.TryRead(out var read))
                {
                    output.Reader.AdvanceTo(read.Buffer.End);
                }
            }
        });
    }

    /// <summary>Publishes in batches that fit every queue, timing only the publishing; returns the median batch rate.</summary>
    private static async Task<double> MeasureAsync(int size, RunSettings settings, Func<Task> publish, Action drain)
    {
        var batch = Math.Clamp(200_000 / size, 1, 512);
        var budget = Stopwatch.StartNew();
        var rates = new List<double>();
        var rounds = 0;
        while (rounds < 3 || budget.Elapsed.TotalSeconds < (settings.Quick ? 0.4 : 1.2))
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < batch; i++)
            {
                await publish();
            }

            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            drain();
            if (rounds++ > 0)
            {
                rates.Add(batch * size / seconds); // the first batch warms up
            }
        }

        rates.Sort();
        return rates[rates.Count / 2];
    }

    public sealed class FanOutHub : Hub;
}
