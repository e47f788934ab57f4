using System.Text.Json.Serialization;

namespace LiveTemplate.Typed.Generators.Tests.Fixtures;

// Actions whose decoded values can or cannot be shared between connections (IAction.IsImmutable).

/// <summary>Immutable all the way down: scalars, an enum, the date and id structs, a nullable, a nested record.</summary>
[GroupAction("frozen-move")]
public sealed partial record FrozenMove(int CardId, string Column, Guid Id, DateTimeOffset At, TimeSpan? Took, FrozenNote? Note, FrozenColour Colour);

/// <summary>A nested record with only init-only members, one of them outside the JSON.</summary>
public sealed record FrozenNote(string Text)
{
    /// <summary>Not written; init-only, so still unchangeable.</summary>
    [JsonIgnore]
    public string? Origin { get; init; }
}

/// <summary>An enum member.</summary>
public enum FrozenColour
{
    Red,
    Blue,
}

/// <summary>A list member: the handler could add to it.</summary>
[GroupAction("listed-move")]
public sealed partial record ListedMove(int CardId, List<string> Tags);

/// <summary>An array member: the handler could overwrite an element.</summary>
[GroupAction("array-move")]
public sealed partial record ArrayMove(int CardId, int[] Path);

/// <summary>A read-only list interface: the value behind it is a list or an array a handler could cast back to.</summary>
[GroupAction("read-only-list-move")]
public sealed partial record ReadOnlyListMove(int CardId, IReadOnlyList<string> Tags);

/// <summary>A settable property outside the JSON: state a handler could change.</summary>
[GroupAction("counted-move")]
public sealed partial record CountedMove(int CardId)
{
    /// <summary>Set by a handler.</summary>
    [JsonIgnore]
    public int Seen { get; set; }
}

/// <summary>A nested record with a settable member.</summary>
[GroupAction("noted-move")]
public sealed partial record NotedMove(int CardId, MutableNote Note);

/// <summary>Settable.</summary>
public sealed record MutableNote
{
    /// <summary>Its text.</summary>
    public string Text { get; set; } = "";
}

/// <summary>A private field that is not read-only.</summary>
[GroupAction("cached-move")]
public sealed partial record CachedMove(int CardId)
{
    private int _hits;

    /// <summary>Counts a use.</summary>
    public int Hit() => ++_hits;
}

/// <summary>An event: a handler could subscribe to it.</summary>
[GroupAction("announced-move")]
public sealed partial record AnnouncedMove(int CardId)
{
    /// <summary>Raised by whoever holds the action.</summary>
    public event EventHandler? Seen;

    /// <summary>Raises <see cref="Seen"/>.</summary>
    public void MarkSeen() => Seen?.Invoke(this, EventArgs.Empty);
}

/// <summary>Handles every sharing fixture and keeps what it was given.</summary>
public sealed partial class SharingHandler
    : IHandle<FrozenMove>, IHandle<ListedMove>, IHandle<ArrayMove>, IHandle<ReadOnlyListMove>, IHandle<CountedMove>, IHandle<NotedMove>, IHandle<CachedMove>
{
    /// <summary>Every action handled, in order.</summary>
    public List<object> Handled { get; } = [];

    /// <inheritdoc />
    public ValueTask HandleAsync(FrozenMove action, ActionContext context) => Keep(action);

    /// <inheritdoc />
    public ValueTask HandleAsync(ListedMove action, ActionContext context) => Keep(action);

    /// <inheritdoc />
    public ValueTask HandleAsync(ArrayMove action, ActionContext context) => Keep(action);

    /// <inheritdoc />
    public ValueTask HandleAsync(ReadOnlyListMove action, ActionContext context) => Keep(action);

    /// <inheritdoc />
    public ValueTask HandleAsync(CountedMove action, ActionContext context) => Keep(action);

    /// <inheritdoc />
    public ValueTask HandleAsync(NotedMove action, ActionContext context) => Keep(action);

    /// <inheritdoc />
    public ValueTask HandleAsync(CachedMove action, ActionContext context) => Keep(action);

    private ValueTask Keep(object action)
    {
        Handled.Add(action);
        return ValueTask.CompletedTask;
    }
}
