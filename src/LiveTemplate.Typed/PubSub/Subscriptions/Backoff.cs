namespace LiveTemplate.Typed.PubSub.Subscriptions;

/// <summary>Capped exponential retry delays with ±20% jitter, so that many instances do not retry in step.</summary>
internal static class Backoff
{
    public static TimeSpan Delay(TimeSpan first, TimeSpan max, int attempt)
    {
        var doubled = first.Ticks * (1L << Math.Clamp(attempt, 0, 20));
        var ticks = Math.Min(max.Ticks, doubled);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromTicks(Math.Min(max.Ticks, (long)(ticks * jitter)));
    }
}
