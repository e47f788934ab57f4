using LiveTemplate.Typed;

namespace TeamBoard.Actions;

/// <summary>From the browser: add a card to the connection's board.</summary>
[GroupAction]
public sealed partial record AddCard(string Title);
