using LiveTemplate.Typed;

namespace TeamBoard.Actions;

/// <summary>To every connection (every tab) of one user: a personal note (server action).</summary>
[ServerAction]
public sealed partial record NoteReceived(string From, string Text);
