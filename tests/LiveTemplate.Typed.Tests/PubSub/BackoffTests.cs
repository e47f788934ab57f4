using LiveTemplate.Typed.PubSub.Subscriptions;

namespace LiveTemplate.Typed.Tests.PubSub;

/// <summary>docs/pubsub.md: the retry delay starts at ReconnectDelay and doubles up to MaxReconnectDelay, forever.</summary>
public sealed class BackoffTests
{
    [Theory]
    [InlineData(10L, 30_000)]
    [InlineData(100L, 30_000)]
    [InlineData(10_000L, 1_000)]
    [InlineData(864_000_000_000L, 86_400_000)]
    public void The_delay_doubles_until_it_reaches_the_cap_whatever_the_first_delay(long firstTicks, int maxMilliseconds)
    {
        var first = TimeSpan.FromTicks(firstTicks);
        var max = TimeSpan.FromMilliseconds(maxMilliseconds);

        var late = Enumerable.Range(60, 1000).Select(attempt => Backoff.Delay(first, max, attempt)).ToList();

        Assert.All(late, delay => Assert.InRange(delay, max * 0.8, max));
        Assert.InRange(Backoff.Delay(first, max, 0), first * 0.8, first * 1.2);
    }
}
