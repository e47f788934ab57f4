using System.Diagnostics.Metrics;
using System.Reflection;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.Diagnostics;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.PubSub.Telemetry;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.Tests.Diagnostics;

/// <summary>
/// docs/observability.md is what an operator builds dashboards from: every instrument a running broadcaster and registry
/// publish, every tag value they report, and every span and attribute name must be in it, as code (<c>`name`</c>).
/// </summary>
public sealed class ObservabilityDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "observability.md"));

    [Fact]
    public async Task Every_instrument_a_broadcaster_and_its_registry_publish_is_documented()
    {
        var published = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == LiveTemplateMeter.Name)
                {
                    lock (published)
                    {
                        published.Add(instrument.Name);
                    }
                }
            },
        };
        listener.Start();
        await using var broadcaster = new InMemoryBroadcaster();
        await using var registry = await ConnectionRegistry.AttachAsync(broadcaster);

        Assert.Contains(LiveTemplateMeter.Dropped, published); // the listener saw the instruments at all
        Assert.All(published.Distinct(), name => AssertDocumented(name));
    }

    [Fact]
    public void Every_tag_value_the_meter_reports_is_documented()
    {
        Assert.All(Enum.GetValues<DropReason>(), reason => AssertDocumented(DropCounters.TagOf(reason)));
        Assert.All(Enum.GetValues<NotRecoveredReason>(), reason => AssertDocumented(BroadcasterMetrics.TagOf(reason)));

        var now = DateTimeOffset.UtcNow;
        PubSubMessage[] kinds =
        [
            new ServerActionMessage(new UserId("u"), "a", "{}"u8.ToArray(), "i", now),
            new GroupActionMessage(new GroupId("g"), "a", "{}"u8.ToArray(), "i", now),
            new TopicActionMessage(new Topic("t"), "a", "{}"u8.ToArray(), "i", now),
            BroadcastMessage.ToEveryone("{}"u8.ToArray(), "i", now),
        ];
        Assert.All(kinds, message => AssertDocumented(BroadcasterTracing.KindOf(message)));
        Assert.Equal(kinds.Length, kinds.Select(BroadcasterTracing.KindOf).Distinct().Count());
    }

    [Fact]
    public void Every_span_and_attribute_name_is_documented()
    {
        var names = typeof(LiveTemplateTracing).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.Contains(LiveTemplateTracing.Dispatch, names);
        Assert.All(names, name => AssertDocumented(name));
    }

    private static void AssertDocumented(string name)
        => Assert.True(Doc.Contains($"`{name}`", StringComparison.Ordinal), $"docs/observability.md does not name `{name}`.");
}
