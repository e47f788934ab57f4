using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Tests.PubSub;

/// <summary>Reference counting under contention: whatever the interleaving, the transport ends up matching the counts.</summary>
public sealed class SubscriptionReferenceCountingTests
{
    [Fact]
    public async Task Concurrent_subscribes_and_unsubscribes_leave_the_transport_matching_the_counts()
    {
        var network = new InMemoryNetwork();
        await using var broadcaster = new InMemoryBroadcaster(network);
        var groups = Enumerable.Range(0, 20).Select(i => new GroupId($"g{i}")).ToArray();

        // Every worker takes and releases references in a random order; even-numbered groups keep one extra reference.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            for (var i = 0; i < 500; i++)
            {
                var group = groups[random.Next(groups.Length)];
                await broadcaster.SubscribeToGroupAsync(group);
                await broadcaster.UnsubscribeFromGroupAsync(group);
            }
        })).Append(Task.WhenAll(groups.Where((_, i) => i % 2 == 0).Select(g => broadcaster.SubscribeToGroupAsync(g)))));

        for (var i = 0; i < groups.Length; i++)
        {
            var channel = broadcaster.Channels.GroupBroadcast(groups[i]);
            Assert.Equal(i % 2 == 0 ? 1 : 0, network.CountSubscribers(channel));
            Assert.Equal(i % 2 == 0, broadcaster.IsSubscribed(channel));
        }

        Assert.Equal(groups.Length / 2, broadcaster.GetStatistics().ActiveSubscriptions);
    }
}
