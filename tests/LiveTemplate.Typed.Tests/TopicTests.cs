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

    [Fact]
    public void Limits_hold_for_patterns_too_and_the_bounds_themselves_are_accepted()
    {
        Assert.Equal(512, new Topic(new string('a', 512)).Value.Length);
        Assert.Contains("at most 512 characters", Assert.Throws<ArgumentException>(() => new TopicPattern("*/" + new string('a', 511))).Message, StringComparison.Ordinal);
        Assert.Contains("at most 32 segments", Assert.Throws<ArgumentException>(() => new TopicPattern(string.Join('/', Enumerable.Repeat("*", 33)))).Message, StringComparison.Ordinal);

        // 32 wildcards: the broadest pattern the grammar allows matches 32 segments and nothing shorter or longer.
        var widest = new TopicPattern(string.Join('/', Enumerable.Repeat("*", 32)));
        Assert.True(widest.Matches(new Topic(string.Join('/', Enumerable.Repeat("x", 32)))));
        Assert.False(widest.Matches(new Topic(string.Join('/', Enumerable.Repeat("x", 31)))));
        Assert.False(widest.Matches(new Topic("x")));
    }

    [Fact]
    public void Non_ascii_text_is_refused_in_a_topic_and_a_pattern_and_named_by_code_unit()
    {
        // A non-BMP character: its high surrogate is the first code unit found, printed as U+ (never raw).
        Assert.Contains("found 'U+D83D' at index 5", Assert.Throws<ArgumentException>(() => new Topic("room/\U0001F600")).Message, StringComparison.Ordinal);
        Assert.Contains("found 'U+D800' at index 5", Assert.Throws<ArgumentException>(() => new TopicPattern("room/\uD800/*")).Message, StringComparison.Ordinal);
        Assert.Contains("found 'U+0000' at index 4", Assert.Throws<ArgumentException>(() => new Topic("room\0")).Message, StringComparison.Ordinal);
        // Full-width letters and digits are letters and digits to Unicode, not to the grammar.
        Assert.False(Topic.TryCreate("room/\uFF14\uFF12", out _));
        Assert.False(TopicPattern.TryCreate("\uFF52oom/*", out _));
        // Case is kept: a pattern matches ordinally.
        Assert.False(new TopicPattern("Room/*").Matches(new Topic("room/1")));
    }

    [Fact]
    public void A_reserved_topic_s_id_follows_the_scope_id_rules_and_a_pattern_never_enters_the_namespace()
    {
        Assert.Contains("at most 256 characters", Assert.Throws<ArgumentException>(() => new Topic("lvt:user:" + new string('a', 257))).Message, StringComparison.Ordinal);
        Assert.Equal("lvt:user:" + new string('a', 256), new Topic("lvt:user:" + new string('a', 256)).Value);
        Assert.Contains("control characters", Assert.Throws<ArgumentException>(() => new Topic("lvt:user:a\nb")).Message, StringComparison.Ordinal);
        Assert.Contains("unpaired surrogate", Assert.Throws<ArgumentException>(() => new Topic("lvt:session:a\uD800")).Message, StringComparison.Ordinal);
        Assert.Contains("empty or whitespace", Assert.Throws<ArgumentException>(() => new Topic("lvt:session:   ")).Message, StringComparison.Ordinal);
        Assert.True(new Topic("lvt:user:z\u00F6e \U0001F600").IsReserved);

        Assert.False(TopicPattern.TryCreate("lvt:*", out _));
        Assert.False(TopicPattern.TryCreate("lvt:session:*", out _));
        Assert.False(new TopicPattern("*").Matches(Topic.ForSession(new GroupId("g"))));
        Assert.False(new TopicPattern("*").Matches(Topic.ForUser(new UserId("x"))));
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
