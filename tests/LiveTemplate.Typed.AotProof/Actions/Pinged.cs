using LiveTemplate.Typed;

namespace LiveTemplate.Typed.AotProof.Actions;

/// <summary>To the group: a ping, with the instance that handled it and when (a value of every common member kind).</summary>
[GroupAction]
public sealed partial record Pinged(int Seq, string Text, IReadOnlyList<string> Tags, string Instance, DateTimeOffset At, decimal Amount, Guid Id, bool Proof);
