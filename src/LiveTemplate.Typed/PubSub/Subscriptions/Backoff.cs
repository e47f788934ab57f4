namespace LiveTemplate.Typed.PubSub.Subscriptions;

/// <summary>Capped exponential retry delays with ±20% jitter, so that many instances do not retry in step.</summary>
internal static class Backoff
{
    public static TimeSpan Delay(TimeSpan first, TimeSpan max, int attempt)
    {
        // Doubles until the cap, however small the first delay (a fixed limit on the doublings left a first delay of
        // a few microseconds capped far below max); the shift stops before it could overflow.
        var shift = Math.Clamp(attempt, 0, 62);
        var ticks = first.Ticks > (max.Ticks >> shift) ? max.Ticks : first.Ticks << shift;
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromTicks(Math.Min(max.Ticks, (long)(ticks * jitter)));
    }
}
