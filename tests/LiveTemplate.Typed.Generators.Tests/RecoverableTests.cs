using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Generators.Tests.Fixtures;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary><c>Recoverable = false</c> on the attribute reaches the action's <c>IAction.IsRecoverable</c>.</summary>
public class RecoverableTests
{
    [Fact]
    public void An_action_declared_not_recoverable_says_so_and_the_others_follow_their_kind()
    {
        Assert.False(Of<CursorMoved>());
        Assert.True(Of<NoteTaken>());
        Assert.True(Of<CardMoved>());
    }

    private static bool Of<TAction>()
        where TAction : IAction<TAction>
        => TAction.IsRecoverable;
}
