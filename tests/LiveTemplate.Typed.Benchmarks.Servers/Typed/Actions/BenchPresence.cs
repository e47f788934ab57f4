using LiveTemplate.Typed.Presence;

namespace LiveTemplate.Typed.Benchmarks.Servers.Typed.Actions;

/// <summary>With <c>--Presence=true</c>: what each connection is tracked with in its group (small, like a board's).</summary>
[PresenceMetadata]
public sealed partial record BenchPresence(string Name, string Color);
