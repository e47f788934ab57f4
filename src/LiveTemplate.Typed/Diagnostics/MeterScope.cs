using System.Diagnostics.Metrics;

namespace LiveTemplate.Typed.Diagnostics;

/// <summary>Creates the <c>LiveTemplate.Typed</c> meter of one component, tagged with its instance id.</summary>
internal static class MeterScope
{
    public static Meter Create(IMeterFactory? factory, string instanceId)
    {
        var options = new MeterOptions(LiveTemplateMeter.Name)
        {
            Tags = [new KeyValuePair<string, object?>(LiveTemplateMeter.InstanceTag, instanceId)],
        };
        return factory?.Create(options) ?? new Meter(options);
    }
}
