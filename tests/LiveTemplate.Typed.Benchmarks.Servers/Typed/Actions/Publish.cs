using LiveTemplate.Typed;

namespace LiveTemplate.Typed.Benchmarks.Servers.Typed.Actions;

/// <summary>From the load client: publish a <see cref="Tick"/> to the group named.</summary>
[GroupAction]
public sealed partial record Publish(string Group, int Seq, string Text);
