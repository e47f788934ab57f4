using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis.Tests;

/// <summary>
/// The Redis shape of a channel, decided in one place: literal whatever its characters, sharded as configured, and the
/// per-thread byte caches never handing one setting's channel to the other. That every classic publish is routed by
/// its slot (the client keeps that flag to itself) is shown where it matters, by the order of one channel's messages on
/// the cluster (<c>ClusterClassicBroadcasterSpecification</c>).
/// </summary>
public sealed class RedisChannelShapesTests
{
    private const string Name = "app:action:topic:room/*/a?b[c]";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_literal_channel_is_never_a_pattern_and_is_sharded_as_configured(bool sharded)
    {
        var channel = new RedisChannelShapes(sharded).Literal(Name);

        Assert.False(channel.IsPattern);
        Assert.Equal(sharded, channel.IsSharded);
        Assert.Equal(Name, channel.ToString());
    }

    [Fact]
    public void A_classic_publish_is_a_literal_classic_channel()
    {
        var channel = new RedisChannelShapes(sharded: false).ForPublish(Name);

        Assert.False(channel.IsSharded);
        Assert.False(channel.IsPattern);
        Assert.Equal(Name, channel.ToString());
    }

    [Fact]
    public void A_sharded_publish_is_sharded_and_its_classic_copy_is_a_literal_classic_channel()
    {
        var shapes = new RedisChannelShapes(sharded: true);

        var exact = shapes.ForPublish(Name);
        var copy = shapes.ClassicForPublish(Name);

        Assert.True(exact.IsSharded);
        Assert.Equal(Name, exact.ToString());
        Assert.False(copy.IsSharded);
        Assert.False(copy.IsPattern);
        Assert.Equal(Name, copy.ToString());
    }

    [Fact]
    public void One_thread_publishing_one_name_for_both_settings_gets_each_setting_its_own_shape()
    {
        var sharded = new RedisChannelShapes(sharded: true);
        var classic = new RedisChannelShapes(sharded: false);

        for (var i = 0; i < 3; i++)
        {
            Assert.True(sharded.ForPublish(Name).IsSharded);
            Assert.False(classic.ForPublish(Name).IsSharded);
        }
    }

    [Fact]
    public void A_new_name_on_the_thread_replaces_the_kept_one()
    {
        var shapes = new RedisChannelShapes(sharded: false);
        var first = shapes.ForPublish("app:action:group:a").ToString();
        var second = shapes.ForPublish("app:action:group:b").ToString();
        var again = shapes.ForPublish(string.Concat("app:action:group:", "a")).ToString();

        Assert.Equal(("app:action:group:a", "app:action:group:b", "app:action:group:a"), (first, second, again));
    }
}
