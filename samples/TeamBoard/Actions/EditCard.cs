using LiveTemplate.Typed;

namespace TeamBoard.Actions;

/// <summary>From the browser: this tab now edits a card of its board (null: none); everyone on the board sees it.</summary>
[GroupAction]
public sealed partial record EditCard(int? CardId);
