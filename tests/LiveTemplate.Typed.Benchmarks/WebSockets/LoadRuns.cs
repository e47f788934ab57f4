using System.Diagnostics;
using LiveTemplate.Typed.Benchmarks.Harness;

namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>
/// The two ways the part loads a stack through one sending client: a closed loop (at most a window of messages in
/// flight, as fast as every delivery comes back) for deliveries/s and server CPU per delivery, and a fixed rate for
/// latency from the send call to each client's receive.
/// </summary>
public static class LoadRuns
{
    private const int Window = 128;
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(10);

    /// <summary>Sends as fast as the window allows for <paramref name="duration"/>, then waits for the last deliveries.</summary>
    public static async Task<ClosedLoopResult> ClosedLoopAsync(Func<int, Task> send, int targets, ListenerSlot slot, ServerPair servers, TimeSpan duration)
    {
        var probe = new DeliveryProbe(1 << 20, targets, Window);
        slot.Current = probe;
        var cpuBefore = servers.CpuTime;
        var clientCpuBefore = ClientCpuTime;
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var stalled = false;
        while (clock.Elapsed < duration && sent < probe.Capacity)
        {
            if (!await probe.Window!.WaitAsync(StallLimit).ConfigureAwait(false))
            {
                stalled = true;
                break;
            }

            probe.Sending(sent);
            await send(sent).ConfigureAwait(false);
            sent++;
        }

        await UntilDeliveredAsync(probe, (long)sent * targets).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        var cpu = servers.CpuTime - cpuBefore;
        var clientCpu = ClientCpuTime - clientCpuBefore;
        slot.Current = null;
        var deliveries = Math.Max(1, probe.Deliveries);
        return new ClosedLoopResult(probe.Deliveries / elapsed.TotalSeconds, cpu.TotalMicroseconds / deliveries, clientCpu.TotalMicroseconds / deliveries, (long)sent * targets - probe.Deliveries + probe.Unexpected, stalled);
    }

    /// <summary>Sends <paramref name="rate"/> messages a second for <paramref name="duration"/>; the latency of every delivery.</summary>
    public static async Task<FixedRateResult> FixedRateAsync(Func<int, Task> send, int targets, ListenerSlot slot, double rate, TimeSpan duration)
    {
        var messages = (int)(rate * duration.TotalSeconds);
        var probe = new DeliveryProbe(messages, targets);
        slot.Current = probe;
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (sent < messages)
        {
            var due = Math.Min(messages, (int)(clock.Elapsed.TotalSeconds * rate) + 1);
            while (sent < due)
            {
                probe.Sending(sent);
                await send(sent).ConfigureAwait(false);
                sent++;
            }

            await Task.Delay(1).ConfigureAwait(false);
        }

        await UntilDeliveredAsync(probe, (long)sent * targets).ConfigureAwait(false);
        slot.Current = null;
        return new FixedRateResult(Percentiles.Of(probe.Latencies), (long)sent * targets - probe.Deliveries + probe.Unexpected);
    }

    private static TimeSpan ClientCpuTime
    {
        get
        {
            using var self = Process.GetCurrentProcess();
            return self.TotalProcessorTime;
        }
    }

    private static async Task UntilDeliveredAsync(DeliveryProbe probe, long expected)
    {
        var waiting = Stopwatch.StartNew();
        while (probe.Deliveries < expected && waiting.Elapsed < StallLimit)
        {
            await Task.Delay(2).ConfigureAwait(false);
        }
    }
}
