using LiveTemplate.Typed;

namespace LiveTemplate.Typed.Generators.Tests.Fixtures;

/// <summary>A handler of several actions of both scopes; records what it ran.</summary>
public sealed partial class BoardHandler : IHandle<CardMoved>, IHandle<CartUpdated>, IHandle<BoardCleared>
{
    public List<(object Action, ActionContext Context)> Handled { get; } = [];

    public TaskCompletionSource<object> FirstHandled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValueTask HandleAsync(CardMoved action, ActionContext context) => Record(action, context);

    public ValueTask HandleAsync(CartUpdated action, ActionContext context) => Record(action, context);

    public async ValueTask HandleAsync(BoardCleared action, ActionContext context)
    {
        await Task.Yield();
        await Record(action, context);
    }

    private ValueTask Record(object action, ActionContext context)
    {
        lock (Handled)
        {
            Handled.Add((action, context));
        }

        FirstHandled.TrySetResult(action);
        return ValueTask.CompletedTask;
    }
}
