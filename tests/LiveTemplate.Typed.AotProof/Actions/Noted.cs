using LiveTemplate.Typed;

namespace LiveTemplate.Typed.AotProof.Actions;

/// <summary>To one user: a note, with the instance that sent it.</summary>
[ServerAction]
public sealed partial record Noted(string Text, string Instance);
