using LiveTemplate.Typed.Analyzers.Tests.Infrastructure;

namespace LiveTemplate.Typed.Analyzers.Tests;

/// <summary>LTT0003 (a constant that is never a valid id), LTT0004 (a constant id) and LTT0006 (default ids).</summary>
public class ScopeIdTests
{
    [Fact]
    public Task LTT0003_empty_whitespace_null_and_control_character_constants()
        => Verify.AnalyzersAsync(
            """
            public static class Ids
            {
                private const string Nothing = "";

                public static void Create()
                {
                    _ = new GroupId({|#0:""|});
                    _ = new UserId({|#1:"   "|});
                    _ = new GroupId({|#2:Nothing|});
                    _ = new GroupId({|#3:null|}!);
                    _ = GroupId.TryCreate({|#4:"\t"|}, out _);
                    _ = new UserId({|#5:"bob\u0001"|});
                    GroupId target = new({|#6:""|});
                }
            }
            """,
            Verify.Diagnostic("LTT0003", 0).WithArguments("new GroupId(\"\")", "GroupId must not be empty or whitespace"),
            Verify.Diagnostic("LTT0003", 1).WithArguments("new UserId(\"   \")", "UserId must not be empty or whitespace"),
            Verify.Diagnostic("LTT0003", 2).WithArguments("new GroupId(\"\")", "GroupId must not be empty or whitespace"),
            Verify.Diagnostic("LTT0003", 3).WithArguments("new GroupId(null)", "GroupId must not be null"),
            Verify.Diagnostic("LTT0003", 4).WithArguments("GroupId.TryCreate(\"\\t\")", "GroupId must not be empty or whitespace"),
            Verify.Diagnostic("LTT0003", 5).WithArguments("new UserId(\"bob\\u0001\")", "UserId must not contain control characters (found U+0001 at index 3)"),
            Verify.Diagnostic("LTT0003", 6).WithArguments("new GroupId(\"\")", "GroupId must not be empty or whitespace"));

    [Fact]
    public Task LTT0003_and_LTT0004_read_TryCreate_by_parameter_with_named_and_reordered_arguments()
        => Verify.AnalyzersAsync(
            """
            public static class Ids
            {
                public static void Create()
                {
                    _ = GroupId.TryCreate(value: {|#0:""|}, out _);
                    _ = UserId.TryCreate(id: out _, value: {|#1:" "|});
                    _ = GroupId.TryCreate(id: out var board, value: {|#2:"board"|});
                    _ = UserId.TryCreate(value: {|#3:"system"|}, id: out _);
                    _ = new GroupId(value: {|#4:""|});
                }
            }
            """,
            Verify.Diagnostic("LTT0003", 0).WithArguments("GroupId.TryCreate(\"\")", "GroupId must not be empty or whitespace"),
            Verify.Diagnostic("LTT0003", 1).WithArguments("UserId.TryCreate(\" \")", "UserId must not be empty or whitespace"),
            Verify.Diagnostic("LTT0004", 2).WithArguments("GroupId", "board", "group"),
            Verify.Diagnostic("LTT0004", 3).WithArguments("UserId", "system", "user"),
            Verify.Diagnostic("LTT0003", 4).WithArguments("new GroupId(\"\")", "GroupId must not be empty or whitespace"));

    [Fact]
    public Task LTT0003_a_constant_longer_than_the_limit()
        => Verify.AnalyzersAsync(
            $$"""
            public static class Ids
            {
                public static GroupId Long() => new({|#0:"{{new string('a', 257)}}"|});
            }
            """,
            Verify.Diagnostic("LTT0003").WithArguments("new GroupId(\"" + new string('a', 39) + "…)", "GroupId must be at most 256 characters long (it has 257)"));

    [Fact]
    public Task LTT0004_any_other_constant_id()
        => Verify.AnalyzersAsync(
            """
            public static class Ids
            {
                private const string Admins = "admins";

                public static readonly GroupId Lobby = new({|#0:"lobby"|});

                public static void Create()
                {
                    _ = new UserId({|#1:"alice"|});
                    _ = new GroupId({|#2:Admins|});
                    _ = UserId.TryCreate({|#3:"system"|}, out _);
                    _ = new GroupId({|#4:"board-" + "42"|});
                }
            }
            """,
            Verify.Diagnostic("LTT0004", 0).WithArguments("GroupId", "lobby", "group"),
            Verify.Diagnostic("LTT0004", 1).WithArguments("UserId", "alice", "user"),
            Verify.Diagnostic("LTT0004", 2).WithArguments("GroupId", "admins", "group"),
            Verify.Diagnostic("LTT0004", 3).WithArguments("UserId", "system", "user"),
            Verify.Diagnostic("LTT0004", 4).WithArguments("GroupId", "board-42", "group"));

    [Fact]
    public Task Ids_built_from_run_time_values_are_not_reported()
        => Verify.AnalyzersAsync(
            """
            public static class Ids
            {
                public static void Create(string name, int boardId, Guid session, string? maybe)
                {
                    _ = new GroupId(name);
                    _ = new GroupId($"board-{boardId}");
                    _ = new GroupId("board-" + boardId);
                    _ = new UserId(session.ToString());
                    _ = new GroupId(name.Trim());
                    if (GroupId.TryCreate(maybe, out var group) && UserId.TryCreate(name, out var user))
                    {
                        _ = (group, user);
                    }
                }
            }
            """);

    [Fact]
    public Task LTT0006_default_ids_handed_to_publishes_subscriptions_registrations_and_contexts()
        => Verify.AnalyzersAsync(
            """
            [GroupAction] public sealed partial record CardMoved(int CardId);

            public sealed class Sender(InMemoryBroadcaster broadcaster, LiveTemplate.Typed.Connections.ConnectionRegistry registry)
            {
                public async Task SendAsync(ReadOnlyMemory<byte> payload)
                {
                    await broadcaster.PublishToGroupAsync({|#0:default|}, payload);
                    await broadcaster.PublishToUserAsync({|#1:default(UserId)|}, payload);
                    await broadcaster.BroadcastAsync({|#2:new GroupId()|}, new CardMoved(1));
                    await broadcaster.SubscribeToGroupAsync({|#3:default|});
                    await registry.RegisterAsync("conn-1", {|#4:default|}, {|#5:default(UserId)|});
                    _ = ActionContext.ForGroup({|#6:default|});
                }
            }
            """,
            Verify.Diagnostic("LTT0006", 0).WithArguments("PublishToGroupAsync", "GroupId", "group"),
            Verify.Diagnostic("LTT0006", 1).WithArguments("PublishToUserAsync", "UserId", "user"),
            Verify.Diagnostic("LTT0006", 2).WithArguments("BroadcastAsync", "GroupId", "group"),
            Verify.Diagnostic("LTT0006", 3).WithArguments("SubscribeToGroupAsync", "GroupId", "group"),
            Verify.Diagnostic("LTT0006", 4).WithArguments("RegisterAsync", "GroupId", "group"),
            Verify.Diagnostic("LTT0006", 5).WithArguments("RegisterAsync", "UserId", "user"),
            Verify.Diagnostic("LTT0006", 6).WithArguments("ForGroup", "GroupId", "group"));

    [Fact]
    public Task Comparing_with_default_and_an_absent_optional_user_are_not_reported()
        => Verify.AnalyzersAsync(
            """
            public sealed class Checks(LiveTemplate.Typed.Connections.ConnectionRegistry registry)
            {
                public async Task<bool> CheckAsync(GroupId group, UserId user)
                {
                    await registry.RegisterAsync("conn-1", group, default);
                    await registry.RegisterAsync("conn-2", group, null);
                    await registry.RegisterAsync("conn-3", group);
                    return group == default || group.Equals(default(GroupId)) || user != new UserId() || group.IsDefault;
                }
            }
            """);

    [Theory]
    [InlineData("")]
    [InlineData(" \t ")]
    [InlineData("board-42")]
    [InlineData("a\u0000b")]
    [InlineData("\u007f")]
    [InlineData("tab\there")]
    [InlineData("emoji \ud83d\ude00 ok")]
    [InlineData("lone \ud83d high")]
    [InlineData("lone \ude00 low")]
    [InlineData("\ud83d")]
    [InlineData("\u00a0")]
    [InlineData("\u2028")]
    [InlineData(null)]
    public void The_analyzers_id_rules_are_the_runtimes(string? value)
    {
        Assert.Equal(ScopeIdRules.Explain(value, "GroupId"), ScopeIdText.Explain(value, "GroupId"));
        Assert.Equal(ScopeIdRules.Explain(value, "UserId"), ScopeIdText.Explain(value, "UserId"));
    }

    [Fact]
    public void The_analyzers_id_rules_are_the_runtimes_at_the_length_limit()
    {
        Assert.Equal(ScopeIdRules.MaxLength, ScopeIdText.MaxLength);
        foreach (var length in new[] { 255, 256, 257, 1000 })
        {
            var value = new string('x', length);
            Assert.Equal(ScopeIdRules.Explain(value, "GroupId"), ScopeIdText.Explain(value, "GroupId"));
        }
    }
}
