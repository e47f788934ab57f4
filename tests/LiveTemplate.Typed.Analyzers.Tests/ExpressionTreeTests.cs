using LiveTemplate.Typed.Analyzers.Tests.Infrastructure;

namespace LiveTemplate.Typed.Analyzers.Tests;

/// <summary>
/// A lambda converted to an <c>Expression&lt;...&gt;</c> (a mock's Setup/Verify, a query) describes a call and makes none:
/// the analyzers about what a call does (LTT0001, LTT0002, LTT0005, LTT0006, LTT0007, LTT0008) say nothing there; those
/// about a value that always fails (LTT0003, LTT0010, LTT0011) still do, since building the expression's value throws too.
/// </summary>
public class ExpressionTreeTests
{
    [Fact]
    public Task Calls_inside_an_expression_tree_are_not_publishes()
        => Verify.AnalyzersAsync(
            """
            using System.Linq.Expressions;

            [GroupAction] public sealed partial record CardMoved(int CardId);
            [ServerAction] public sealed partial record CartUpdated(int Items);

            public static class Mock
            {
                public static void Verify(Expression<Action<IBroadcaster>> call) { }
                public static void Verify(Expression<Func<IBroadcaster, Task>> call) { }
            }

            public sealed partial class BoardHandler : IHandle<CardMoved>
            {
                public ValueTask HandleAsync(CardMoved action, ActionContext context)
                {
                    Mock.Verify(b => b.BroadcastAsync(context.GroupId!.Value, action, default));
                    return ValueTask.CompletedTask;
                }
            }

            public sealed class Expectations
            {
                public void Expect(GroupId board, UserId user, ReadOnlyMemory<byte> payload)
                {
                    Mock.Verify(b => b.PublishGlobalAsync(payload, default));
                    Mock.Verify(b => b.PublishGroupActionAsync(board, "card-moved", payload, default));
                    Mock.Verify(b => b.PublishServerActionAsync(user, "card-moved", payload, default));
                    Mock.Verify(b => b.PublishToGroupAsync(default, payload, default));
                    Expression<Action<IBroadcaster>> dropped = b => b.PublishToUserAsync(user, payload, default);
                    Mock.Verify(b => b.PublishToGroupAsync(new GroupId({|LTT0003:""|}), payload, default));
                }
            }
            """);

    [Fact]
    public Task The_same_calls_outside_an_expression_tree_are_reported()
        => Verify.AnalyzersAsync(
            """
            [GroupAction] public sealed partial record CardMoved(int CardId);

            public sealed class Sender
            {
                public void Send(IBroadcaster b, GroupId board, UserId user, ReadOnlyMemory<byte> payload)
                {
                    Func<IBroadcaster, Task> global = b => b.{|LTT0001:PublishGlobalAsync|}(payload, default);
                    Func<IBroadcaster, Task> raw = b => b.PublishGroupActionAsync(board, {|LTT0002:"card-moved"|}, payload, default);
                    Func<IBroadcaster, Task> wrong = b => b.PublishServerActionAsync(user, {|LTT0008:"card-moved"|}, payload, default);
                    Func<IBroadcaster, Task> none = b => b.PublishToGroupAsync({|LTT0006:default|}, payload, default);
                    Action<IBroadcaster> dropped = b => b.{|LTT0007:PublishToUserAsync|}(user, payload, default);
                }
            }
            """);
}
