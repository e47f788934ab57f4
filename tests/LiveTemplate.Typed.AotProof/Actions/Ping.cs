using LiveTemplate.Typed;

namespace LiveTemplate.Typed.AotProof.Actions;

/// <summary>From the browser: tell the rest of the group (on every instance) and this browser.</summary>
[GroupAction]
public sealed partial record Ping(int Seq, string Text, IReadOnlyList<string> Tags);
