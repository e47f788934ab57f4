namespace LiveTemplate.Typed.Benchmarks.Servers.SignalR;

/// <summary>One fan-out message.</summary>
public sealed record Tick(int Seq, string Text);
