using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Tests;

public sealed class TopicTests
{
    [Theory]
    [InlineData("room")]
    [InlineData("room/42")]
    [InlineData("a_b-C/9/x")]
    [InlineData("lvt:user:alice")]
    [InlineData("lvt:session:board 42")]
    public void Valid_topics_are_accepted_and_kept_verbatim(string value)
    {
        Assert.Equal(value, new Topic(value).Value);
        Assert.True(Topic.TryCreate(value, out var topic));
        Assert.Equal(value, topic.ToString());
        Assert.Null(Topic.Explain(value));
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("room/*", "must not contain '*' (index 5)")]
    [InlineData("room?", "found '?' at index 4")]
    [InlineData("room[1]", "found '[' at index 4")]
    [InlineData("room\\1", "found '\\' at index 4")]
    [InlineData("room//1", "empty segment at index 5")]
    [InlineData("/room", "empty segment at index 0")]
    [InlineData("room/", "empty segment at index 5")]
    [InlineData("room 1", "found ' ' at index 4")]
    [InlineData("räum", "found 'ä' at index 1")]
    [InlineData("lvt:room", "'lvt:' namespace is reserved")]
    [InlineData("lvt:user:", "names no valid id")]
    [InlineData("room:1", "found ':' at index 4")]
    public void Would_be_topics_that_break_the_grammar_are_refused_with_the_reason(string value, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => new Topic(value));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(Topic.TryCreate(value, out _));
    }

    [Fact]
    public void Topic_longer_than_the_limit_or_with_too_many_segments_is_refused()
    {
        Assert.Contains("at most 512 characters", Assert.Throws<ArgumentException>(() => new Topic(new string('a', 513))).Message, StringComparison.Ordinal);
        Assert.Contains("at most 32 segments", Assert.Throws<ArgumentException>(() => new Topic(string.Join('/', Enumerable.Repeat("a", 33)))).Message, StringComparison.Ordinal);
        Assert.Equal(32, new Topic(string.Join('/', Enumerable.Repeat("a", 32))).Value.Split('/').Length);
    }

    [Theory]
    [InlineData("room/*", "room/42", true)]
    [InlineData("room/*", "room/42/x", false)]
    [InlineData("room/*", "room", false)]
    [InlineData("*/alice", "dm/alice", true)]
    [InlineData("*/alice", "dm/alicia", false)]
    [InlineData("*", "room", true)]
    [InlineData("*", "lvt:user:alice", false)]
    [InlineData("*/*", "a/b", true)]
    [InlineData("a/*/c", "a/b/c", true)]
    [InlineData("a/*/c", "a/b/d", false)]
    public void Pattern_star_matches_exactly_one_non_empty_segment_and_never_a_reserved_topic(string pattern, string topic, bool matches)
        => Assert.Equal(matches, new TopicPattern(pattern).Matches(new Topic(topic)));

    [Theory]
    [InlineData("room/42", "at least one segment that is exactly '*'")]
    [InlineData("room/4*", "'*' inside a segment at index 6")]
    [InlineData("room/**", "'*' inside a segment at index 5")]
    [InlineData("room/?", "found '?' at index 5")]
    [InlineData("room/[ab]", "found '[' at index 5")]
    [InlineData("room/\\*", "found '\\' at index 5")]
    [InlineData("lvt:user:*", "reserved 'lvt:' namespace")]
    [InlineData("room//*", "empty segment")]
    public void Would_be_patterns_that_break_the_grammar_are_refused_with_the_reason(string value, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => new TopicPattern(value));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(TopicPattern.TryCreate(value, out _));
    }

    [Fact]
    public void Reserved_topics_belong_to_their_own_user_or_session_only()
    {
        var alice = new UserId("alice");
        var board = new GroupId("board-1");

        Assert.Equal("lvt:user:alice", Topic.ForUser(alice).Value);
        Assert.Equal("lvt:session:board-1", Topic.ForSession(board).Value);
        Assert.True(Topic.ForUser(alice).IsOpenTo(board, alice));
        Assert.False(Topic.ForUser(alice).IsOpenTo(board, new UserId("bob")));
        Assert.False(Topic.ForUser(alice).IsOpenTo(board, null));
        Assert.True(Topic.ForSession(board).IsOpenTo(board, null));
        Assert.False(Topic.ForSession(board).IsOpenTo(new GroupId("board-2"), alice));
        Assert.True(new Topic("room/1").IsOpenTo(board, null));
        Assert.True(Topic.ForUser(new UserId("a*b")).IsReserved);
    }

    [Fact]
    public void Topic_channels_are_gos_and_a_pattern_glob_holds_no_other_wildcard_than_its_star_segments()
    {
        var names = ChannelNames.Default;

        Assert.Equal("livetemplate:topic:room/42", names.Topic(new Topic("room/42")));
        Assert.Equal("livetemplate:topic:lvt:user:alice", names.Topic(Topic.ForUser(new UserId("alice"))));
        Assert.Equal("livetemplate:topic:room/*", names.TopicPattern(new TopicPattern("room/*")));
        Assert.Equal("room/42", names.TopicOf("livetemplate:topic:room/42"));
        Assert.Null(names.TopicOf("livetemplate:groupaction:group:room"));
        Assert.Throws<ArgumentException>(() => names.Topic(default));
    }
}
