using LiveTemplate.Typed;

namespace LiveTemplate.Typed.AotProof.Actions;

/// <summary>From the browser: send a note to every connection of a user (a server action), on every instance.</summary>
[GroupAction]
public sealed partial record Notify(string To, string Text);
