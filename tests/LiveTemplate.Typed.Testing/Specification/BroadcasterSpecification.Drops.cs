using System.Diagnostics.Metrics;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.Diagnostics;
using LiveTemplate.Typed.PubSub;
using Xunit;

namespace LiveTemplate.Typed.Testing.Specification;

public abstract partial class BroadcasterSpecification
{
    [Fact]
    public async Task A_connection_whose_queue_is_full_loses_messages_counted_once_as_queue_full_by_the_broadcaster()
    {
        var (a, b) = await TwoInstancesAsync(new ConnectionRegistryOptions { OutboundQueueCapacity = 2 });
        var reported = new List<(string Reason, long Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only instance b's meters: other tests run meanwhile.
            if (instrument.Meter.Name == LiveTemplateMeter.Name && instrument.Name == LiveTemplateMeter.Dropped
                && instrument.Meter.Tags?.Any(t => t.Key == LiveTemplateMeter.InstanceTag && Equals(t.Value, b.Broadcaster.InstanceId)) == true)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "reason")
                {
                    lock (reported)
                    {
                        reported.Add(((string)tag.Value!, value));
                    }
                }
            }
        });
        listener.Start();
        var slow = await b.ConnectAsync("slow");
        var alsoSlow = await b.ConnectAsync("slow");

        for (var i = 0; i < 5; i++)
        {
            await a.Broadcaster.PublishGroupActionAsync(new GroupId("slow"), "n", Utf8($$"""{"i":{{i}}}"""));
        }

        await Eventually.UntilAsync(() => Task.FromResult(b.Registry.DroppedQueueFull == 6), Eventually.MessageTimeout, "both connections of the group dropped three messages each");
        Assert.Equal(6, b.Broadcaster.GetStatistics().DroppedFor(DropReason.QueueFull));
        listener.RecordObservableInstruments();
        lock (reported)
        {
            // One reporter for queue-full drops per instance (the broadcaster), not the broadcaster and the registry both.
            Assert.Equal(6, reported.Where(r => r.Reason == "queue_full").Sum(r => r.Value));
        }

        Assert.Equal(3, slow.Dropped);
        Assert.Equal(3, alsoSlow.Dropped);
    }
}
