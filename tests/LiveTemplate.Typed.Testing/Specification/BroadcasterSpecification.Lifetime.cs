using System.Diagnostics.Metrics;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.Diagnostics;
using LiveTemplate.Typed.PubSub;
using Xunit;

namespace LiveTemplate.Typed.Testing.Specification;

public abstract partial class BroadcasterSpecification
{
    [Fact]
    public async Task After_dispose_publishing_and_subscribing_throw_object_disposed_and_disposing_again_does_nothing()
    {
        var a = await Harness.StartInstanceAsync();
        await a.Broadcaster.DisposeAsync();
        await a.Broadcaster.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => a.Broadcaster.PublishGlobalAsync(Utf8("x")));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => a.Broadcaster.PublishToGroupAsync(new GroupId("g"), Utf8("x")));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => a.Broadcaster.PublishServerActionAsync(new UserId("u"), "a", default));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => a.Broadcaster.PublishGroupActionAsync(new GroupId("g"), "a", default));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => a.Broadcaster.SubscribeToGroupAsync(new GroupId("g")));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => a.Broadcaster.SubscribeAsync(_ => ValueTask.CompletedTask));
    }

    [Fact]
    public async Task Dispose_unsubscribes_every_channel_of_the_instance()
    {
        var (a, b) = await TwoInstancesAsync();
        await b.ConnectAsync("leaving", "dave");
        Assert.Equal(2, await Harness.CountSubscribersAsync(Names.Global));

        await b.Broadcaster.DisposeAsync();

        Assert.Equal(1, await Harness.CountSubscribersAsync(Names.Global));
        Assert.Equal(0, await Harness.CountSubscribersAsync(Names.GroupAction(new GroupId("leaving"))));
        Assert.Equal(0, await Harness.CountSubscribersAsync(Names.ServerAction(new UserId("dave"))));
        Assert.False(a.Broadcaster.IsDisposed);
    }

    [Fact]
    public async Task Dispose_racing_with_publishes_only_ever_fails_them_with_object_disposed()
    {
        var (a, b) = await TwoInstancesAsync();
        await a.ConnectAsync("race");
        await b.ConnectAsync("race");

        var publishes = Enumerable.Range(0, 200)
            .Select(i => Task.Run(() => a.Broadcaster.PublishGroupActionAsync(new GroupId("race"), "n", Utf8($$"""{"i":{{i}}}"""))))
            .ToList();
        await Task.WhenAll(a.Broadcaster.DisposeAsync().AsTask(), a.Broadcaster.DisposeAsync().AsTask());

        foreach (var publish in publishes)
        {
            var error = await Record.ExceptionAsync(() => publish);
            Assert.True(error is null or ObjectDisposedException, $"Unexpected {error}");
        }
    }

    [Fact]
    public async Task Slow_connection_drops_what_does_not_fit_and_counts_it_without_holding_back_others()
    {
        var (a, b) = await TwoInstancesAsync(new ConnectionRegistryOptions { OutboundQueueCapacity = 4 });
        var slow = await b.ConnectAsync("busy");
        var fast = await b.ConnectAsync("busy");

        for (var i = 0; i < 10; i++)
        {
            await a.Broadcaster.PublishGroupActionAsync(new GroupId("busy"), $"m{i}", default);
            Assert.Equal($"m{i}", AsGroupAction(await fast.Outbound.NextAsync()).Action);
        }

        Assert.Equal(6, slow.Dropped);
        Assert.Equal(6, b.Registry.DroppedQueueFull);
        Assert.Equal(["m0", "m1", "m2", "m3"], (await slow.Outbound.NextAsync(4)).Select(m => AsGroupAction(m).Action));
        Assert.Equal(0, fast.Dropped);
    }

    [Fact]
    public async Task Slow_connection_in_drop_oldest_mode_keeps_the_latest_messages()
    {
        var (a, b) = await TwoInstancesAsync(new ConnectionRegistryOptions { OutboundQueueCapacity = 4, OutboundFullMode = OutboundFullMode.DropOldest });
        var slow = await b.ConnectAsync("busy");
        var fast = await b.ConnectAsync("busy");

        for (var i = 0; i < 10; i++)
        {
            await a.Broadcaster.PublishGroupActionAsync(new GroupId("busy"), $"m{i}", default);
            await fast.Outbound.NextAsync();
        }

        Assert.Equal(6, slow.Dropped);
        Assert.Equal(["m6", "m7", "m8", "m9"], (await slow.Outbound.NextAsync(4)).Select(m => AsGroupAction(m).Action));
    }

    [Fact]
    public async Task Meter_reports_published_received_delivered_dropped_subscriptions_and_connections()
    {
        var (a, b) = await TwoInstancesAsync();
        var onB = await b.ConnectAsync("metered", "erin");
        await a.Broadcaster.PublishGroupActionAsync(new GroupId("metered"), "one", default);
        await onB.Outbound.NextAsync();
        await Harness.PublishRawAsync(Names.GroupAction(new GroupId("metered")), Utf8("not json"));
        await BarrierAsync(a, "metered", onB);

        var seen = ObserveMeter(b.Broadcaster.InstanceId);

        Assert.Equal(2, seen[(LiveTemplateMeter.Received, null)]);
        Assert.Equal(2, seen[(LiveTemplateMeter.Delivered, null)]);
        Assert.Equal(1, seen[(LiveTemplateMeter.Dropped, "malformed")]);
        Assert.Equal(1, seen[(LiveTemplateMeter.ActiveConnections, null)]);
        Assert.Equal(5, seen[(LiveTemplateMeter.ActiveSubscriptions, null)]); // global + group, group action, user, server action
        Assert.Equal(2, ObserveMeter(a.Broadcaster.InstanceId)[(LiveTemplateMeter.Published, null)]);
    }

    private static Dictionary<(string Instrument, string? Reason), long> ObserveMeter(string instanceId)
    {
        var seen = new Dictionary<(string, string?), long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == LiveTemplateMeter.Name && instrument.Meter.Tags?.Any(t => t.Key == LiveTemplateMeter.InstanceTag && (string?)t.Value == instanceId) == true)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? reason = null;
            foreach (var tag in tags)
            {
                reason = tag.Key == "reason" ? (string?)tag.Value : reason;
            }

            seen[(instrument.Name, reason)] = seen.GetValueOrDefault((instrument.Name, reason)) + value;
        });
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => seen[(instrument.Name, null)] = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return seen;
    }
}
