namespace LiveTemplate.Typed.Benchmarks.Servers.Typed;

/// <summary>Whether every connection is tracked in its group's presence on connect (<c>--Presence=true</c>; default off).</summary>
public sealed record PresenceSwitch(bool On);
