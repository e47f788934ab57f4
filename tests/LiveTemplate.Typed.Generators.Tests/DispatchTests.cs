using System.Text;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Generators.Tests.Fixtures;
using LiveTemplate.Typed.Generators.Tests.Infrastructure;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>The generated dispatcher of <see cref="BoardHandler"/>.</summary>
public class DispatchTests
{
    private static readonly ActionContext Group = ActionContext.ForGroup(new GroupId("board-42"));
    private static readonly ActionContext User = ActionContext.ForUser(new UserId("alice"));

    [Fact]
    public async Task A_known_action_is_decoded_and_handled_by_its_typed_method()
    {
        var handler = new BoardHandler();

        var result = await handler.DispatchAsync("card-moved", WireVectors.Data("go-group-action.json"), Group);

        Assert.Equal(ActionDispatchStatus.Handled, result.Status);
        var (action, context) = Assert.Single(handler.Handled);
        Assert.Equal(17, Assert.IsType<CardMoved>(action).CardId);
        Assert.Same(Group, context);
    }

    [Fact]
    public async Task A_handler_that_completes_asynchronously_is_awaited()
    {
        var handler = new BoardHandler();

        var result = await handler.DispatchAsync(BoardCleared.ActionName, ReadOnlyMemory<byte>.Empty, Group);

        Assert.True(result.IsHandled);
        Assert.IsType<BoardCleared>(Assert.Single(handler.Handled).Action);
    }

    [Fact]
    public async Task An_unknown_action_is_reported_not_thrown()
    {
        var handler = new BoardHandler();

        var result = await handler.DispatchAsync("card-deleted", "{}"u8.ToArray(), Group);

        Assert.Equal(ActionDispatchStatus.UnknownAction, result.Status);
        Assert.Equal("card-deleted", result.Action);
        Assert.Contains("card-deleted", result.Detail);
        Assert.Empty(handler.Handled);
        Assert.False(handler.CanHandle("card-deleted"));
        Assert.True(handler.CanHandle("card-moved"));
    }

    [Fact]
    public async Task Invalid_data_is_reported_with_the_member_and_the_handler_does_not_run()
    {
        var handler = new BoardHandler();

        var result = await handler.DispatchAsync("cart-updated", """{"cartId":"nope","items":1,"total":1}"""u8.ToArray(), User);

        Assert.Equal(ActionDispatchStatus.InvalidData, result.Status);
        Assert.Equal("cartId", result.DataError!.Path);
        Assert.Empty(handler.Handled);
    }

    [Fact]
    public async Task An_action_arriving_in_the_other_scope_is_refused()
    {
        var handler = new BoardHandler();

        var result = await handler.DispatchAsync("cart-updated", WireVectors.Data("go-server-action.json"), Group);

        Assert.Equal(ActionDispatchStatus.WrongScope, result.Status);
        Assert.Empty(handler.Handled);
    }

    [Fact]
    public async Task Server_actions_reach_the_handler_with_their_user()
    {
        var handler = new BoardHandler();

        var result = await handler.DispatchAsync("cart-updated", WireVectors.Data("go-server-action.json"), User);

        Assert.True(result.IsHandled, result.Detail);
        var (action, context) = Assert.Single(handler.Handled);
        Assert.Equal("<b>free</b> shipping & more", Assert.IsType<CartUpdated>(action).Note);
        Assert.Equal(new UserId("alice"), context.UserId);
        Assert.Equal(ActionScope.Server, context.Scope);
    }
}
