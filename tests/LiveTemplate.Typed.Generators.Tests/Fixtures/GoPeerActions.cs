using LiveTemplate.Typed;

namespace LiveTemplate.Typed.Generators.Tests.Fixtures;

// The actions a Go instance and .NET exchange in GoPeerInteropTests: strings Go escapes, numbers past a double's
// precision, empty strings, absent members and no data at all.

[ServerAction("go-note")]
public sealed partial record GoNote(string Text, string Empty, long Big, ulong Huge, double Ratio, decimal Price, string? Missing);

[GroupAction("go-moved")]
public sealed partial record GoMoved(int CardId, string Column, long MovedAt);

[TopicAction("GoMessage")]
public sealed partial record GoMessage(string From, string Text, long N, DateTimeOffset At, byte[]? Blob);

[ServerAction("go-ping")]
public sealed partial record GoPing;

/// <summary>Records what it ran, in order.</summary>
public sealed partial class GoPeerHandler : IHandle<GoNote>, IHandle<GoMoved>, IHandle<GoMessage>, IHandle<GoPing>
{
    public List<object> Handled { get; } = [];

    public ValueTask HandleAsync(GoNote action, ActionContext context) => Record(action);

    public ValueTask HandleAsync(GoMoved action, ActionContext context) => Record(action);

    public ValueTask HandleAsync(GoMessage action, ActionContext context) => Record(action);

    public ValueTask HandleAsync(GoPing action, ActionContext context) => Record(action);

    private ValueTask Record(object action)
    {
        Handled.Add(action);
        return ValueTask.CompletedTask;
    }
}
