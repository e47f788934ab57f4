namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>The SignalR server's tick, as its client reads it.</summary>
public sealed record BenchTick(int Seq, string Text);
