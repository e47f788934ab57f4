using LiveTemplate.Typed;

namespace TeamBoard.Actions;

/// <summary>From the browser: send a personal note to another user, whatever board they are on.</summary>
[GroupAction]
public sealed partial record SendNote(string To, string Text);
