using LiveTemplate.Typed;

namespace LiveTemplate.Typed.Benchmarks.Servers.Typed.Actions;

/// <summary>From a browser: the board's "move a card".</summary>
[GroupAction]
public sealed partial record MoveCard(int CardId, string Column);
