using System.Diagnostics;
using System.Globalization;
using LiveTemplate.Typed.Benchmarks.Harness;
using LiveTemplate.Typed.Benchmarks.WebSockets;
using LiveTemplate.Typed.Presence;
using LiveTemplate.Typed.Redis;
using LiveTemplate.Typed.Testing;
using LiveTemplate.Typed.Testing.Processes;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Benchmarks.Presence;

/// <summary>
/// What presence costs and how fast it notices a crash, on one redis-server: the time from SIGKILL of a TeamBoard
/// process to its member's leave on the other process (default liveness settings); 10,000 members in one group (track
/// time, list p50/p99, join events per second seen by a second instance); Redis memory per member for groups of 5 at
/// 10,000 and 100,000 groups; the Redis work presence adds to a connection's connect and disconnect (track + untrack);
/// and the same end to end, WebSocket connects and closes against servers with and without presence (<see cref="ConnectCycles"/>).
/// </summary>
public static class PresencePart
{
    private const int BigGroup = 10_000;
    private const int Window = 256;

    public static async Task RunAsync(Report report, RunSettings settings, string endpoint)
    {
        report.Heading("Presence (issue 14)");
        report.Note($"Start: {MachineLoad.Describe()}.");

        var kills = new List<TimeSpan>();
        for (var round = 0; round < 3; round++)
        {
            kills.Add(await KillToLeaveAsync(endpoint));
        }

        report.Note("SIGKILL of a TeamBoard process (a guest tracked on it) to the guest's leave frame on a browser of the other process, "
            + "default settings (heartbeat 1 s, timeout 5 s), 3 runs: " + string.Join("; ", kills.Select(k => $"{k.TotalMilliseconds:N0} ms")) + ".");

        var rows = new List<IReadOnlyList<string>>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            var big = await BigGroupAsync(endpoint);
            rows.Add([(round + 1).ToString(CultureInfo.InvariantCulture), $"{big.Track.TotalMilliseconds:N0} ms", Report.Number(BigGroup / big.Track.TotalSeconds),
                Report.Number(big.EventsPerSecond), $"{big.List.P50 / 1000:N1} ms", $"{big.List.P99 / 1000:N1} ms"]);
        }

        report.Note($"{BigGroup:N0} members in one group: one instance tracks them ({Window} tracks in flight), a second instance watches the group; "
            + "list = ListAsync of the whole group from the second instance, 30 times.");
        report.Table(["Run", "Track 10,000", "Tracks/s", "Join events/s (watcher)", "List p50", "List p99"], rows);

        var memory = new List<string>();
        foreach (var groups in settings.Quick ? new[] { 2_000, 10_000 } : [10_000, 100_000])
        {
            var perMember = await MemoryPerMemberAsync(endpoint, groups);
            memory.Add($"{groups:N0} groups × 5 = {groups * 5:N0} members: {perMember:N0} B per member");
        }

        report.Note("Redis memory per member (INFO memory used_memory after minus before, / members; anonymous connections with "
            + "{\"name\":\"guest\",\"color\":\"#e11d48\",\"editingCardId\":null} metadata, each in its group only): " + string.Join("; ", memory) + ".");

        var (track, untrack) = await ConnectCostAsync(endpoint);
        report.Note($"Added to a connection's connect and disconnect, one at a time, 2,000 each: TrackAsync p50 {track.P50:N0} µs, p99 {track.P99:N0} µs; "
            + $"UntrackAsync p50 {untrack.P50:N0} µs, p99 {untrack.P99:N0} µs (a connection without presence does neither).");

        var cycles = settings.Quick ? 200 : 1000;
        var (off, on) = await ConnectCycles.MeasureAsync(endpoint, cycles);
        report.Note($"End to end, {cycles:N0} WebSocket connect + close cycles one at a time per side, over two servers each on this redis-server, "
            + $"the sides alternating in blocks of 50: open to hello, open to the handler's ready frame (sent after the track when presence is on), "
            + "close handshake, and both servers' CPU time per cycle (/proc, the whole run, untrack on close and heartbeats included).");
        report.Table(["Side", "Open→hello p50 / p99", "Open→ready p50 / p99", "Close p50 / p99", "Server CPU per cycle"],
            [.. new[] { off, on }.Select(s => (IReadOnlyList<string>)[s.Name, Pair(s.Hello), Pair(s.Ready), Pair(s.Close), $"{s.CpuMicrosecondsPerCycle:N0} µs"]),
             ["with / without", Ratio(on.Hello, off.Hello), Ratio(on.Ready, off.Ready), Ratio(on.Close, off.Close), $"{on.CpuMicrosecondsPerCycle / off.CpuMicrosecondsPerCycle:N2}×"]]);
        report.Note($"End: {MachineLoad.Describe()}.");
    }

    private static string Pair(Percentiles p) => $"{p.P50 / 1000:N2} / {p.P99 / 1000:N2} ms";

    private static string Ratio(Percentiles with, Percentiles without) => $"{with.P50 / without.P50:N2}× / {with.P99 / without.P99:N2}×";

    private static async Task<TimeSpan> KillToLeaveAsync(string endpoint)
    {
        var board = "kill" + Guid.NewGuid().ToString("N")[..8];
        string[] Arguments() => ["--LiveTemplate:Redis=" + endpoint, "--Logging:LogLevel:Default=Warning"];
        var path = Path.Combine(RepositoryRoot.Path, "samples", "TeamBoard", "bin", ServerBuild.Configuration, "net10.0", "TeamBoard.dll");
        await using var x = await AppProcess.StartAsync(path, Arguments(), "/health/ready", TimeSpan.FromSeconds(60), name: "TeamBoard X");
        await using var y = await AppProcess.StartAsync(path, Arguments(), "/health/ready", TimeSpan.FromSeconds(60), name: "TeamBoard Y");
        await using var watcher = await BoardSocket.OpenAsync(y.BaseUri, board);
        await watcher.SendAsync("""{"presence":"list"}""");
        await watcher.WaitForAsync(f => f.GetProperty("type").GetString() == "presence-list", TimeSpan.FromSeconds(10));
        await using var guest = await BoardSocket.OpenAsync(x.BaseUri, board);
        await watcher.WaitForAsync(f => BoardSocket.IsPresence(f, "join"), TimeSpan.FromSeconds(10));

        var clock = Stopwatch.StartNew();
        await x.KillAsync();
        await watcher.WaitForAsync(f => BoardSocket.IsPresence(f, "leave"), TimeSpan.FromSeconds(30));
        return clock.Elapsed;
    }

    private static async Task<(TimeSpan Track, double EventsPerSecond, Percentiles List)> BigGroupAsync(string endpoint)
    {
        await using var pair = await TrackerPair.StartAsync(endpoint);
        var group = new GroupId("big");
        var heard = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var watch = await pair.B.WatchAsync(PresenceScope.Of(group), e =>
        {
            if (e.Kind == PresenceEventKind.Join && Interlocked.Increment(ref heard) == BigGroup)
            {
                all.TrySetResult();
            }

            return ValueTask.CompletedTask;
        });

        var clock = Stopwatch.StartNew();
        await ForAllAsync(BigGroup, i => pair.A.TrackAsync(group, "c" + i.ToString(CultureInfo.InvariantCulture), new UserId("u" + i.ToString(CultureInfo.InvariantCulture)), TrackerPair.Metadata));
        var track = clock.Elapsed;
        await all.Task.WaitAsync(TimeSpan.FromSeconds(120));
        var events = BigGroup / clock.Elapsed.TotalSeconds;

        var lists = new long[30];
        for (var i = 0; i < lists.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var members = await pair.B.ListAsync(PresenceScope.Of(group));
            lists[i] = Stopwatch.GetTimestamp() - start;
            if (members.Count != BigGroup)
            {
                throw new InvalidOperationException($"The list had {members.Count} members, not {BigGroup}.");
            }
        }

        return (track, events, Percentiles.Of(lists));
    }

    private static async Task<double> MemoryPerMemberAsync(string endpoint, int groups)
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(endpoint + ",allowAdmin=true");
        await admin.GetServer(endpoint).FlushAllDatabasesAsync();
        var before = await RedisInfo.UsedMemoryAsync(admin, endpoint);
        long after;
        await using (var pair = await TrackerPair.StartAsync(endpoint))
        {
            var members = groups * 5;
            await ForAllAsync(members, i => pair.A.TrackAsync(new GroupId("g" + (i / 5).ToString(CultureInfo.InvariantCulture)), "c" + i.ToString(CultureInfo.InvariantCulture), null, TrackerPair.Metadata));
            after = await RedisInfo.UsedMemoryAsync(admin, endpoint);
            pair.Abandon();
        }

        await admin.GetServer(endpoint).FlushAllDatabasesAsync();
        return (double)(after - before) / (groups * 5);
    }

    private static async Task<(Percentiles Track, Percentiles Untrack)> ConnectCostAsync(string endpoint)
    {
        await using var pair = await TrackerPair.StartAsync(endpoint);
        const int Count = 2000;
        var track = new long[Count];
        var untrack = new long[Count];
        var group = new GroupId("connect");
        for (var i = 0; i < Count; i++)
        {
            var id = "c" + i.ToString(CultureInfo.InvariantCulture);
            var start = Stopwatch.GetTimestamp();
            await pair.A.TrackAsync(group, id, new UserId("u" + (i % 10).ToString(CultureInfo.InvariantCulture)), TrackerPair.Metadata);
            var middle = Stopwatch.GetTimestamp();
            await pair.A.UntrackAsync(id);
            track[i] = middle - start;
            untrack[i] = Stopwatch.GetTimestamp() - middle;
        }

        return (Percentiles.Of(track), Percentiles.Of(untrack));
    }

    private static Task ForAllAsync(int count, Func<int, Task> work)
        => Task.WhenAll(Enumerable.Range(0, Window).Select(async w =>
        {
            for (var i = w; i < count; i += Window)
            {
                await work(i);
            }
        }));

    /// <summary>Two presence instances on their own multiplexers and a prefix of their own, default settings.</summary>
    private sealed class TrackerPair : IAsyncDisposable
    {
        public static readonly byte[] Metadata = """{"name":"guest","color":"#e11d48","editingCardId":null}"""u8.ToArray();
        private readonly ConnectionMultiplexer[] _multiplexers;
        private bool _abandoned;

        private TrackerPair(ConnectionMultiplexer[] multiplexers, string prefix)
        {
            _multiplexers = multiplexers;
            A = new RedisPresence(multiplexers[0], new RedisPresenceOptions { Prefix = prefix });
            B = new RedisPresence(multiplexers[1], new RedisPresenceOptions { Prefix = prefix });
        }

        public RedisPresence A { get; }

        public RedisPresence B { get; }

        public static async Task<TrackerPair> StartAsync(string endpoint)
            => new([await ConnectionMultiplexer.ConnectAsync(endpoint), await ConnectionMultiplexer.ConnectAsync(endpoint)], "bench" + Guid.NewGuid().ToString("N")[..8]);

        /// <summary>Closes the connections without untracking (the caller flushes Redis): disposal would untrack one by one.</summary>
        public void Abandon() => _abandoned = true;

        public async ValueTask DisposeAsync()
        {
            if (_abandoned)
            {
                foreach (var multiplexer in _multiplexers)
                {
                    await multiplexer.CloseAsync(allowCommandsToComplete: false);
                }
            }

            await A.DisposeAsync();
            await B.DisposeAsync();
            foreach (var multiplexer in _multiplexers)
            {
                await multiplexer.DisposeAsync();
            }
        }
    }
}
