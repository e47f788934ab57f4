using LiveTemplate.Typed;

namespace TeamBoard.Actions;

/// <summary>From the browser: move a card to a column of the connection's board.</summary>
[GroupAction]
public sealed partial record MoveCard(int CardId, string Column);
