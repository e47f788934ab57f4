using LiveTemplate.Typed;

namespace LiveTemplate.Typed.Benchmarks.Servers.Typed.Actions;

/// <summary>To the board: a card moved.</summary>
[GroupAction]
public sealed partial record CardMoved(int CardId, string Column, string MovedBy);
