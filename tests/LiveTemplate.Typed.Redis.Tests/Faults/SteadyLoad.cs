using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Redis.Tests.Faults;

/// <summary>
/// Publishes numbered group actions at a steady rate from one instance and records, for each number, whether the
/// publish succeeded and when (and how often) another instance received it, so that a fault's cost can be
/// measured: how long delivery stopped, what was lost, whether anything was duplicated.
/// </summary>
internal sealed class SteadyLoad
{
    private readonly IBroadcaster _publisher;
    private readonly GroupId _group;
    private readonly TimeSpan _interval;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<int, TimeSpan> _publishedAt = new();
    private readonly ConcurrentDictionary<int, bool> _publishOk = new();
    private readonly ConcurrentDictionary<int, int> _arrivals = new();
    private readonly ConcurrentDictionary<int, TimeSpan> _arrivedAt = new();
    private readonly List<Task> _publishes = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private int _next;

    private SteadyLoad(IBroadcaster publisher, GroupId group, TimeSpan interval)
    {
        // On a 2-core machine the pool starts with 2 threads; a reconnect that blocks some of them would stall the
        // publisher and receiver of this process (not Redis delivery) until the pool grows. StackExchange.Redis
        // recommends a higher minimum for the same reason; measure delivery, not thread injection.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
        _publisher = publisher;
        _group = group;
        _interval = interval;
    }

    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Subscribes the receiver to the group and starts publishing.</summary>
    public static async Task<SteadyLoad> StartAsync(IBroadcaster publisher, IBroadcaster receiver, GroupId group, TimeSpan interval)
    {
        var load = new SteadyLoad(publisher, group, interval);
        await receiver.SubscribeGroupActionsAsync(load.OnReceived);
        await ((IDynamicSubscriber)receiver).SubscribeToGroupActionAsync(group);
        load._loop = Task.Run(load.PublishLoopAsync);
        return load;
    }

    /// <summary>Waits until a message published after <paramref name="since"/> has arrived.</summary>
    public async Task WaitForDeliveryAfterAsync(TimeSpan since, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!_arrivedAt.Keys.Any(n => _publishedAt.TryGetValue(n, out var at) && at > since))
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"No message published after {since} arrived within {timeout}.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Stops publishing, lets in-flight messages land, and summarises what happened after <paramref name="faultAt"/>:
    /// <see cref="LoadReport.DeliveryResumedAfter"/> runs from the publish of the first message that did not arrive to
    /// the arrival of the first later one that did (zero when nothing was missed).
    /// </summary>
    public async Task<LoadReport> StopAsync(TimeSpan faultAt, TimeSpan settle)
    {
        await _stop.CancelAsync();
        await _loop!;
        Task[] publishes;
        lock (_publishes)
        {
            publishes = [.. _publishes];
        }

        await Task.WhenAll(publishes).WaitAsync(TimeSpan.FromSeconds(30));
        var last = _next;
        await WaitUntilQuietAsync(settle);

        var sent = Enumerable.Range(0, last).Where(n => _publishOk.GetValueOrDefault(n)).ToList();

        // The outage begins with the first message published after the fault that did not arrive, and ends with
        // the first one after it that did (messages still in flight when the fault hit may land after faultAt).
        var gapStart = Enumerable.Range(0, last).FirstOrDefault(n => _publishedAt[n] > faultAt && !_arrivals.ContainsKey(n), -1);
        var resumed = gapStart < 0 ? -1 : Enumerable.Range(gapStart, last - gapStart).FirstOrDefault(n => _arrivals.ContainsKey(n), -1);
        return new LoadReport(
            Published: last,
            PublishFailed: last - sent.Count,
            Received: _arrivals.Count,
            Duplicates: _arrivals.Values.Count(c => c > 1),
            LostDuringOutage: gapStart < 0 ? 0 : sent.Count(n => n >= gapStart && (resumed < 0 || n < resumed) && !_arrivals.ContainsKey(n)),
            LostAfterResumption: resumed < 0 ? 0 : sent.Count(n => n > resumed && !_arrivals.ContainsKey(n)),
            FailedButDelivered: Enumerable.Range(0, last).Count(n => !_publishOk.GetValueOrDefault(n) && _arrivals.ContainsKey(n)),
            DeliveryResumedAfter: gapStart < 0 ? TimeSpan.Zero : resumed < 0 ? null : _arrivedAt[resumed] - _publishedAt[gapStart],
            OutOfOrder: CountOutOfOrder(),
            LongestSilence: LongestSilenceAfter(faultAt));
    }

    private async Task PublishLoopAsync()
    {
        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var n = _next++;
                _publishedAt[n] = Now;
                var publish = PublishOneAsync(n);
                lock (_publishes)
                {
                    _publishes.Add(publish);
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
            await _publisher.PublishGroupActionAsync(_group, "tick", Encoding.UTF8.GetBytes($$"""{"n":{{n}}}"""));
            _publishOk[n] = true;
        }
        catch (PublishFailedException)
        {
            _publishOk[n] = false;
        }
    }

    private ValueTask OnReceived(GroupActionMessage message)
    {
        if (message.GroupId == _group)
        {
            var n = int.Parse(Encoding.UTF8.GetString(message.Data.Span)[5..^1], System.Globalization.CultureInfo.InvariantCulture);
            _arrivedAt.TryAdd(n, Now);
            _arrivals.AddOrUpdate(n, 1, (_, c) => c + 1);
            lock (_order)
            {
                _order.Add(n);
            }
        }

        return ValueTask.CompletedTask;
    }

    private readonly List<int> _order = [];

    private int CountOutOfOrder()
    {
        lock (_order)
        {
            return _order.Zip(_order.Skip(1)).Count(p => p.Second < p.First);
        }
    }

    private TimeSpan LongestSilenceAfter(TimeSpan faultAt)
    {
        var arrivals = _arrivedAt.Values.Where(t => t >= faultAt).Order().Prepend(faultAt).ToList();
        return arrivals.Zip(arrivals.Skip(1)).Select(p => p.Second - p.First).DefaultIfEmpty().Max();
    }

    private async Task WaitUntilQuietAsync(TimeSpan quiet)
    {
        var seen = -1;
        while (seen != _arrivals.Count)
        {
            seen = _arrivals.Count;
            await Task.Delay(quiet);
        }
    }
}

/// <summary>What a fault cost, measured.</summary>
internal sealed record LoadReport(
    int Published,
    int PublishFailed,
    int Received,
    int Duplicates,
    int LostDuringOutage,
    int LostAfterResumption,
    int FailedButDelivered,
    TimeSpan? DeliveryResumedAfter,
    int OutOfOrder,
    TimeSpan LongestSilence)
{
    public override string ToString() =>
        $"published {Published}, publish failures {PublishFailed} (of which delivered anyway {FailedButDelivered}), received {Received}, " +
        $"lost during the outage {LostDuringOutage}, lost after resumption {LostAfterResumption}, duplicates {Duplicates}, out of order {OutOfOrder}, " +
        $"first lost message to next delivered one {(DeliveryResumedAfter is { } d ? $"{d.TotalMilliseconds:F0} ms" : "never")}, longest silence between arrivals {LongestSilence.TotalMilliseconds:F0} ms";
}
