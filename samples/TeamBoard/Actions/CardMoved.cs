using LiveTemplate.Typed;

namespace TeamBoard.Actions;

/// <summary>To every connection of a board: a card moved (group action).</summary>
[GroupAction]
public sealed partial record CardMoved(int CardId, string Column, string MovedBy);
