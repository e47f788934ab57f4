namespace LiveTemplate.Typed.Tests;

public sealed class ScopeIdTests
{
    [Theory]
    [InlineData("alice")]
    [InlineData("board-42")]
    [InlineData("*")]
    [InlineData("[a]lice")]
    [InlineData("ünïcødé 👩‍💻")]
    [InlineData("a:b:c")]
    public void Valid_values_are_accepted_and_kept_verbatim(string value)
    {
        Assert.Equal(value, new UserId(value).Value);
        Assert.Equal(value, new GroupId(value).ToString());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("line\nbreak", "control characters (found U+000A at index 4)")]
    [InlineData("nul\0", "control characters")]
    [InlineData("del\u007f", "control characters")]
    public void Invalid_values_are_rejected_where_created_with_the_rule_in_the_message(string value, string rule)
    {
        var user = Assert.Throws<ArgumentException>(() => new UserId(value));
        var group = Assert.Throws<ArgumentException>(() => new GroupId(value));

        Assert.Contains(rule, user.Message, StringComparison.Ordinal);
        Assert.StartsWith("UserId", user.Message, StringComparison.Ordinal);
        Assert.StartsWith("GroupId", group.Message, StringComparison.Ordinal);
        Assert.False(UserId.TryCreate(value, out _));
    }

    [Fact]
    public void Unpaired_surrogate_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new UserId("half" + (char)0xD800));
        Assert.Contains("unpaired surrogate at index 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_is_rejected() => Assert.Throws<ArgumentNullException>(() => new GroupId(null!));

    [Fact]
    public void Length_limit_is_inclusive()
    {
        Assert.Equal(ScopeIdRules.MaxLength, new GroupId(new string('g', ScopeIdRules.MaxLength)).Value.Length);
        var error = Assert.Throws<ArgumentException>(() => new GroupId(new string('g', ScopeIdRules.MaxLength + 1)));
        Assert.Contains("at most 256 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_is_ordinal_and_case_sensitive()
    {
        Assert.Equal(new UserId("alice"), new UserId("alice"));
        Assert.NotEqual(new UserId("alice"), new UserId("Alice"));
        Assert.True(new GroupId("g") == new GroupId("g"));
        Assert.Equal(new GroupId("g").GetHashCode(), new GroupId("g").GetHashCode());
    }

    [Fact]
    public void Default_id_identifies_nothing_and_is_rejected_by_the_broadcaster()
    {
        Assert.True(default(UserId).IsDefault);
        Assert.Throws<InvalidOperationException>(() => default(GroupId).Value);
        Assert.Throws<ArgumentException>(() => Typed.PubSub.BroadcastMessage.ToGroup(default, default, "i", default));
    }
}
