using LiveTemplate.Typed.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>The scope of a typed action is checked by the compiler: the wrong pairing does not build.</summary>
public class TypedPublishTests
{
    private const string Actions = """
        using System;
        using System.Threading.Tasks;
        using LiveTemplate.Typed;
        using LiveTemplate.Typed.PubSub;

        [ServerAction] public sealed partial record CartUpdated(Guid CartId, int Items);
        [GroupAction] public sealed partial record CardMoved(int CardId);
        [GroupAction] public partial record struct Ticked(long Count);

        public static class Publisher
        {
            public static async Task Publish(IBroadcaster broadcaster, UserId user, GroupId group)
            {
                MARKER
            }
        }
        """;

    [Fact]
    public void Matching_scopes_compile()
    {
        var errors = Errors("""
            await broadcaster.TriggerAsync(user, new CartUpdated(Guid.Empty, 3));
            await broadcaster.BroadcastAsync(group, new CardMoved(17));
            await broadcaster.BroadcastAsync(group, new Ticked(1));
            """);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("await broadcaster.BroadcastAsync(group, new CartUpdated(Guid.Empty, 3));", "CS0311")]
    [InlineData("await broadcaster.TriggerAsync(user, new CardMoved(17));", "CS0311")]
    [InlineData("await broadcaster.TriggerAsync(user, new Ticked(1));", "CS0315")]
    [InlineData("await broadcaster.TriggerAsync(group, new CartUpdated(Guid.Empty, 3));", "CS1503")]
    [InlineData("await broadcaster.BroadcastAsync(user, new CardMoved(17));", "CS1503")]
    public void The_wrong_scope_does_not_compile(string statement, string error)
    {
        var errors = Errors(statement);

        Assert.Contains(error, errors);
    }

    private static List<string> Errors(string statements)
    {
        var (_, output) = GeneratorHarness.Run(Actions.Replace("MARKER", statements));
        return output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToList();
    }
}
