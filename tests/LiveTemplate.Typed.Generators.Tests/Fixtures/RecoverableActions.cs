namespace LiveTemplate.Typed.Generators.Tests.Fixtures;

/// <summary>Kept out of history by its declaration.</summary>
[GroupAction("cursor-moved", Recoverable = false)]
public sealed partial record CursorMoved(int X, int Y);

/// <summary>Says what the default says.</summary>
[ServerAction(Recoverable = true)]
public sealed partial record NoteTaken(string Text);
