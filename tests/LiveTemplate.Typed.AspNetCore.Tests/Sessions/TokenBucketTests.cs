using LiveTemplate.Typed.AspNetCore.Sessions;

namespace LiveTemplate.Typed.AspNetCore.Tests.Sessions;

/// <summary>The per-connection rate limit: a burst, then the average rate, never more than the bucket holds.</summary>
public sealed class TokenBucketTests
{
    [Fact]
    public void A_full_bucket_allows_a_burst_then_refuses()
    {
        var bucket = new TokenBucket(capacity: 3, perSecond: 1, new ManualClock());

        Assert.Equal([true, true, true, false], Enumerable.Range(0, 4).Select(_ => bucket.TryTake()));
    }

    [Fact]
    public void Tokens_come_back_at_the_rate_and_never_beyond_the_capacity()
    {
        var clock = new ManualClock();
        var bucket = new TokenBucket(capacity: 2, perSecond: 4, clock);
        bucket.TryTake();
        bucket.TryTake();

        clock.Advance(TimeSpan.FromMilliseconds(250));
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal([true, true, false], Enumerable.Range(0, 3).Select(_ => bucket.TryTake()));
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
