using LiveTemplate.Typed.Analyzers.Tests.Infrastructure;
using LiveTemplate.Typed.CodeFixes;

namespace LiveTemplate.Typed.Analyzers.Tests;

/// <summary>The code fixes for the generator's declaration diagnostics: LTT1001, LTT1007 and LTT1022 (add partial), LTT1003 (keep one scope).</summary>
public class DeclarationFixTests
{
    [Fact]
    public Task LTT1001_fix_makes_the_action_partial()
        => Verify.CodeFixAsync<AddPartialCodeFix>(
            """
            [ServerAction]
            public sealed record {|LTT1001:CartUpdated|}(int Items);

            /// <summary>No modifiers at all.</summary>
            [GroupAction]
            record {|LTT1001:CardMoved|}(int CardId);
            """,
            """
            [ServerAction]
            public sealed partial record CartUpdated(int Items);

            /// <summary>No modifiers at all.</summary>
            [GroupAction]
            partial record CardMoved(int CardId);
            """);

    [Fact]
    public Task LTT1007_fix_makes_every_enclosing_type_partial()
        => Verify.CodeFixAsync<AddPartialCodeFix>(
            """
            public static class Board
            {
                public sealed partial class Events
                {
                    internal class Cards
                    {
                        [GroupAction]
                        public sealed partial record {|LTT1007:CardMoved|}(int CardId);
                    }
                }
            }
            """,
            """
            public static partial class Board
            {
                public sealed partial class Events
                {
                    internal partial class Cards
                    {
                        [GroupAction]
                        public sealed partial record CardMoved(int CardId);
                    }
                }
            }
            """);

    [Fact]
    public Task LTT1022_fix_makes_the_handler_and_every_enclosing_type_partial()
        => Verify.CodeFixAsync<AddPartialCodeFix>(
            """
            [GroupAction]
            public sealed partial record CardMoved(int CardId);

            public sealed class {|LTT1022:BoardHandler|} : IHandle<CardMoved>
            {
                public System.Threading.Tasks.ValueTask HandleAsync(CardMoved action, ActionContext context) => default;
            }

            public static class Handlers
            {
                public sealed partial class {|LTT1022:NestedHandler|} : IHandle<CardMoved>
                {
                    public System.Threading.Tasks.ValueTask HandleAsync(CardMoved action, ActionContext context) => default;
                }
            }
            """,
            """
            [GroupAction]
            public sealed partial record CardMoved(int CardId);

            public sealed partial class BoardHandler : IHandle<CardMoved>
            {
                public System.Threading.Tasks.ValueTask HandleAsync(CardMoved action, ActionContext context) => default;
            }

            public static partial class Handlers
            {
                public sealed partial class NestedHandler : IHandle<CardMoved>
                {
                    public System.Threading.Tasks.ValueTask HandleAsync(CardMoved action, ActionContext context) => default;
                }
            }
            """);

    [Fact]
    public Task LTT1003_fix_can_keep_the_server_scope()
        => Verify.CodeFixAsync<KeepOneScopeCodeFix>(
            """
            [ServerAction, GroupAction]
            public sealed partial record {|LTT1003:Moved|}(int Id);
            """,
            """
            [ServerAction]
            public sealed partial record Moved(int Id);
            """,
            actionIndex: 0);

    [Fact]
    public Task LTT1003_fix_can_keep_the_group_scope_from_separate_attribute_lists()
        => Verify.CodeFixAsync<KeepOneScopeCodeFix>(
            """
            /// <summary>A move.</summary>
            [ServerAction("moved")]
            [GroupAction("moved")]
            public sealed partial record {|LTT1003:Moved|}(int Id);
            """,
            """
            /// <summary>A move.</summary>
            [GroupAction("moved")]
            public sealed partial record Moved(int Id);
            """,
            actionIndex: 1);

    [Fact]
    public Task LTT1003_fix_can_keep_the_topic_scope_of_a_topic_action_also_marked_group()
        => Verify.CodeFixAsync<KeepOneScopeCodeFix>(
            """
            [GroupAction, TopicAction(Topic = "room/{Room}")]
            public sealed partial record {|LTT1003:Noted|}(string Room, string Text);
            """,
            """
            [TopicAction(Topic = "room/{Room}")]
            public sealed partial record Noted(string Room, string Text);
            """,
            actionIndex: 1);

    [Fact]
    public Task LTT1003_fix_keeping_the_server_scope_removes_both_others()
        => Verify.CodeFixAsync<KeepOneScopeCodeFix>(
            """
            [ServerAction, GroupAction, TopicAction]
            public sealed partial record {|LTT1003:Moved|}(int Id);
            """,
            """
            [ServerAction]
            public sealed partial record Moved(int Id);
            """,
            actionIndex: 0);

    [Fact]
    public async Task LTT1003_fix_offers_only_the_scopes_the_action_is_marked_with()
    {
        var titles = await CodeActions.TitlesAsync<KeepOneScopeCodeFix>(
            Verify.Usings + """
            [ServerAction, TopicAction]
            public sealed partial record Moved(int Id);
            """,
            "LTT1003");

        Assert.Equal(["Keep [ServerAction] (sent to one user), remove [TopicAction]", "Keep [TopicAction] (sent to a topic's subscribers), remove [ServerAction]"], titles);
    }

    [Fact]
    public Task LTT1022_fix_is_not_offered_for_a_file_local_handler()
        => Verify.NoCodeFixAsync<AddPartialCodeFix>(
            """
            [GroupAction] public sealed partial record CardMoved(int CardId);

            file sealed class {|LTT1022:LocalHandler|} : IHandle<CardMoved>
            {
                public System.Threading.Tasks.ValueTask HandleAsync(CardMoved action, ActionContext context) => default;
            }
            """);
}
