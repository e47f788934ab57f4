using LiveTemplate.Typed;

namespace TeamBoard.Actions;

/// <summary>To every connection of a board: a card was added (group action).</summary>
[GroupAction]
public sealed partial record CardAdded(int CardId, string Title, string Column, string AddedBy);
