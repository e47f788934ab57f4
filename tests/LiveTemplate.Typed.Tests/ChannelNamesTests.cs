using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.Tests;

public sealed class ChannelNamesTests
{
    [Fact]
    public void The_five_channel_patterns_are_exactly_the_seeds()
    {
        var names = ChannelNames.Default;

        Assert.Equal("livetemplate:broadcast:global", names.Global);
        Assert.Equal("livetemplate:broadcast:group:board-42", names.GroupBroadcast(new GroupId("board-42")));
        Assert.Equal("livetemplate:broadcast:user:alice", names.UserBroadcast(new UserId("alice")));
        Assert.Equal("livetemplate:action:user:alice", names.ServerAction(new UserId("alice")));
        Assert.Equal("livetemplate:groupaction:group:board-42", names.GroupAction(new GroupId("board-42")));
    }

    [Fact]
    public void The_go_vectors_channels_are_the_ones_this_library_names()
    {
        var names = ChannelNames.Default;
        var ours = new[]
        {
            names.ServerAction(new UserId("alice")), names.GroupAction(new GroupId("board-42")), names.Global,
            names.GroupBroadcast(new GroupId("board-42")), names.UserBroadcast(new UserId("alice")),
            names.Topic(new Topic("room/42")), names.Topic(Topic.ForUser(new UserId("alice"))),
        };

        Assert.All(WireVectors.Channels.Values, channel => Assert.Contains(channel, ours));
    }

    [Fact]
    public void A_prefix_replaces_the_first_segment_of_every_name()
    {
        var names = new ChannelNames("shop-eu");

        Assert.Equal("shop-eu:broadcast:global", names.Global);
        Assert.Equal("shop-eu:groupaction:group:g", names.GroupAction(new GroupId("g")));
    }

    [Fact]
    public void Names_are_right_when_scopes_prefixes_and_kinds_alternate_on_one_thread()
    {
        // A thread keeps the last name it built, to hand the same string back for the same scope.
        var shop = new ChannelNames("shop");
        var blog = new ChannelNames("blog");
        var first = shop.GroupAction(new GroupId("g1"));

        Assert.Same(first, shop.GroupAction(new GroupId(new string("g1".ToCharArray()))));
        Assert.Equal("shop:groupaction:group:g2", shop.GroupAction(new GroupId("g2")));
        Assert.Equal("blog:groupaction:group:g2", blog.GroupAction(new GroupId("g2")));
        Assert.Equal("shop:broadcast:group:g2", shop.GroupBroadcast(new GroupId("g2")));
        Assert.Equal("shop:action:user:g2", shop.ServerAction(new UserId("g2")));
        Assert.Equal("shop:broadcast:user:g2", shop.UserBroadcast(new UserId("g2")));
        Assert.Equal("shop:topic:g2", shop.Topic(new Topic("g2")));
        Assert.Equal("shop:groupaction:group:g1", shop.GroupAction(new GroupId("g1")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("star*")]
    [InlineData("new\nline")]
    public void Invalid_prefixes_are_rejected(string prefix) => Assert.Throws<ArgumentException>(() => new ChannelNames(prefix));

    [Fact]
    public void Each_name_this_prefix_makes_has_its_kind_and_any_other_name_none()
    {
        var names = new ChannelNames("app");

        Assert.Equal(ChannelKind.GlobalBroadcast, names.KindOf(names.Global));
        Assert.Equal(ChannelKind.GroupBroadcast, names.KindOf(names.GroupBroadcast(new GroupId("action:user:x"))));
        Assert.Equal(ChannelKind.UserBroadcast, names.KindOf(names.UserBroadcast(new UserId("alice"))));
        Assert.Equal(ChannelKind.ServerAction, names.KindOf(names.ServerAction(new UserId("broadcast:group:y"))));
        Assert.Equal(ChannelKind.GroupAction, names.KindOf(names.GroupAction(new GroupId("board-42"))));
        Assert.Equal(ChannelKind.Topic, names.KindOf(names.Topic(new Topic("room/42"))));

        Assert.Null(names.KindOf(ChannelNames.Default.GroupAction(new GroupId("board-42"))));   // another prefix
        Assert.Null(names.KindOf("app:groupaction:group:"));                                    // a head with no id
        Assert.Null(names.KindOf("app:broadcast:globalx"));
        Assert.Null(names.KindOf(""));
    }
}
