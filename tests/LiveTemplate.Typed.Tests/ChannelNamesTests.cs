using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.Tests;

public sealed class ChannelNamesTests
{
    [Fact]
    public void TheFiveChannelPatterns_AreExactlyTheSeeds()
    {
        var names = ChannelNames.Default;

        Assert.Equal("livetemplate:broadcast:global", names.Global);
        Assert.Equal("livetemplate:broadcast:group:board-42", names.GroupBroadcast(new GroupId("board-42")));
        Assert.Equal("livetemplate:broadcast:user:alice", names.UserBroadcast(new UserId("alice")));
        Assert.Equal("livetemplate:action:user:alice", names.ServerAction(new UserId("alice")));
        Assert.Equal("livetemplate:groupaction:group:board-42", names.GroupAction(new GroupId("board-42")));
    }

    [Fact]
    public void TheGoVectorsChannels_AreTheOnesThisLibraryNames()
    {
        var names = ChannelNames.Default;
        var ours = new[]
        {
            names.ServerAction(new UserId("alice")), names.GroupAction(new GroupId("board-42")), names.Global,
            names.GroupBroadcast(new GroupId("board-42")), names.UserBroadcast(new UserId("alice")),
        };

        Assert.All(WireVectors.Channels.Values, channel => Assert.Contains(channel, ours));
    }

    [Fact]
    public void APrefix_ReplacesTheFirstSegmentOfEveryName()
    {
        var names = new ChannelNames("shop-eu");

        Assert.Equal("shop-eu:broadcast:global", names.Global);
        Assert.Equal("shop-eu:groupaction:group:g", names.GroupAction(new GroupId("g")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("star*")]
    [InlineData("new\nline")]
    public void InvalidPrefixes_AreRejected(string prefix) => Assert.Throws<ArgumentException>(() => new ChannelNames(prefix));
}
