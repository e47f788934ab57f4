using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Redis.Tests.Faults;

/// <summary>
/// Numbered group actions at a steady rate (2,000 a second by default) spread round-robin over many groups (1,000),
/// from one instance to another that follows every group, with history on. For each message it records whether the
/// publish succeeded and how often it arrived, in which order per group, and which groups were told "not recovered";
/// so that a fault's cost is exact: lost, duplicated, reordered, and whether a loss was reported or silent.
/// </summary>
internal sealed class HistoryLoad
{
    private const int PerTick = 10;
    private readonly IBroadcaster _publisher;
    private readonly GroupId[] _groups;
    private readonly TimeSpan _tick;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<int, bool> _publishOk = new();
    private readonly ConcurrentDictionary<int, int> _arrivals = new();
    private readonly ConcurrentDictionary<int, TimeSpan> _arrivedAt = new();
    private readonly ConcurrentDictionary<string, List<int>> _orderByGroup = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, NotRecoveredReason> _notRecovered = new(StringComparer.Ordinal);
    private readonly List<Task> _publishes = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private int _next;
    private TimeSpan _startedAt;

    private HistoryLoad(IBroadcaster publisher, int groups, int perSecond)
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
        _publisher = publisher;
        _groups = Enumerable.Range(0, groups).Select(i => new GroupId("h" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
        _tick = TimeSpan.FromSeconds((double)PerTick / perSecond);
    }

    public TimeSpan Now => _clock.Elapsed;

    public int Groups => _groups.Length;

    /// <summary>Subscribes the receiver to every group (waiting until Redis confirmed them all) and starts publishing.</summary>
    public static async Task<HistoryLoad> StartAsync(IBroadcaster publisher, ChannelBroadcaster receiver, int groups = 1000, int perSecond = 2000)
    {
        var load = new HistoryLoad(publisher, groups, perSecond);
        await receiver.SubscribeGroupActionsAsync(load.OnReceived);
        await receiver.SubscribeNotRecoveredAsync(load.OnNotRecovered);
        await Task.WhenAll(load._groups.Select(g => receiver.SubscribeToGroupActionAsync(g))).WaitAsync(TimeSpan.FromSeconds(60));
        load._startedAt = load.Now;
        load._loop = Task.Run(load.PublishLoopAsync);
        return load;
    }

    /// <summary>Waits until a message published after <paramref name="since"/> has arrived.</summary>
    public async Task WaitForDeliveryAfterAsync(TimeSpan since, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!_arrivedAt.Values.Any(at => at > since + TimeSpan.FromMilliseconds(50)))
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Nothing arrived after {since} within {timeout}.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Stops publishing and waits (bounded) until every successful publish arrived or its group was told it is lost.</summary>
    public async Task<HistoryReport> StopAsync(TimeSpan faultAt, TimeSpan settle)
    {
        await _stop.CancelAsync();
        await _loop!;
        var publishing = Now - _startedAt;
        Task[] publishes;
        lock (_publishes)
        {
            publishes = [.. _publishes];
        }

        await Task.WhenAll(publishes).WaitAsync(TimeSpan.FromSeconds(60));
        var last = _next;
        var deadline = Stopwatch.StartNew();
        while (Missing(last).Any(n => !_notRecovered.ContainsKey(GroupOf(n))) && deadline.Elapsed < settle)
        {
            await Task.Delay(50);
        }

        var missing = Missing(last).ToList();
        var reportedGroups = _notRecovered.Keys.ToHashSet(StringComparer.Ordinal);
        return new HistoryReport(
            Published: last,
            PerSecond: last / publishing.TotalSeconds,
            PublishOk: _publishOk.Count(p => p.Value),
            Received: _arrivals.Count,
            Duplicates: _arrivals.Values.Count(c => c > 1),
            OutOfOrder: _orderByGroup.Values.Sum(order => { lock (order) { return order.Zip(order.Skip(1)).Count(p => p.Second <= p.First); } }),
            LostSilently: missing.Count(n => !reportedGroups.Contains(GroupOf(n))),
            LostReported: missing.Count(n => reportedGroups.Contains(GroupOf(n))),
            GroupsReported: reportedGroups.Count,
            GroupsSilentlyShort: missing.Select(GroupOf).Where(g => !reportedGroups.Contains(g)).Distinct().Count(),
            FailedButDelivered: Enumerable.Range(0, last).Count(n => !_publishOk.GetValueOrDefault(n) && _arrivals.ContainsKey(n)),
            Reasons: string.Join(", ", _notRecovered.Values.GroupBy(r => r).Select(g => $"{g.Key} {g.Count()}")),
            LongestSilence: LongestSilenceAfter(faultAt));
    }

    private IEnumerable<int> Missing(int last) => Enumerable.Range(0, last).Where(n => _publishOk.GetValueOrDefault(n) && !_arrivals.ContainsKey(n));

    private string GroupOf(int n) => _groups[n % _groups.Length].Value;

    private async Task PublishLoopAsync()
    {
        using var timer = new PeriodicTimer(_tick);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                for (var i = 0; i < PerTick; i++)
                {
                    var n = _next++;
                    var publish = PublishOneAsync(n);
                    lock (_publishes)
                    {
                        _publishes.Add(publish);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PublishOneAsync(int n)
    {
        try
        {
            await _publisher.PublishGroupActionAsync(_groups[n % _groups.Length], "tick", Encoding.UTF8.GetBytes($$"""{"n":{{n}}}"""));
            _publishOk[n] = true;
        }
        catch (PublishFailedException)
        {
            _publishOk[n] = false;
        }
    }

    private ValueTask OnReceived(GroupActionMessage message)
    {
        var n = int.Parse(Encoding.UTF8.GetString(message.Data.Span)[5..^1], CultureInfo.InvariantCulture);
        _arrivedAt.TryAdd(n, Now);
        _arrivals.AddOrUpdate(n, 1, (_, c) => c + 1);
        var order = _orderByGroup.GetOrAdd(message.GroupId.Value, _ => []);
        lock (order)
        {
            order.Add(n);
        }

        return ValueTask.CompletedTask;
    }

    private ValueTask OnNotRecovered(NotRecoveredMessage notice)
    {
        if (notice.ScopeId is { } group)
        {
            _notRecovered.TryAdd(group, notice.Reason);
        }

        return ValueTask.CompletedTask;
    }

    private TimeSpan LongestSilenceAfter(TimeSpan faultAt)
    {
        var arrivals = _arrivedAt.Values.Where(t => t >= faultAt).Order().Prepend(faultAt).ToList();
        return arrivals.Zip(arrivals.Skip(1)).Select(p => p.Second - p.First).DefaultIfEmpty().Max();
    }
}

/// <summary>What a fault cost with history on, measured.</summary>
internal sealed record HistoryReport(
    int Published,
    double PerSecond,
    int PublishOk,
    int Received,
    int Duplicates,
    int OutOfOrder,
    int LostSilently,
    int LostReported,
    int GroupsReported,
    int GroupsSilentlyShort,
    int FailedButDelivered,
    string Reasons,
    TimeSpan LongestSilence)
{
    public override string ToString() =>
        $"published {Published} at {PerSecond:F0}/s (succeeded {PublishOk}, failed but delivered {FailedButDelivered}), received {Received}, lost silently {LostSilently}, " +
        $"lost and reported {LostReported} in {GroupsReported} group(s) reported not recovered ({(Reasons.Length == 0 ? "none" : Reasons)}), groups silently short {GroupsSilentlyShort}, " +
        $"duplicates {Duplicates}, out of order {OutOfOrder}, longest silence {LongestSilence.TotalMilliseconds:F0} ms";
}
