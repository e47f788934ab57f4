using LiveTemplate.Typed;

namespace LiveTemplate.Typed.Benchmarks.Servers.Typed.Actions;

/// <summary>To a group: one fan-out message (the load client knows when it sent <see cref="Seq"/>).</summary>
[GroupAction]
public sealed partial record Tick(int Seq, string Text);
