namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>A closed-loop run: deliveries per second, both servers' CPU time per delivery, deliveries lost or doubled.</summary>
public sealed record ClosedLoopResult(double DeliveriesPerSecond, double ServerCpuMicrosecondsPerDelivery, long Missing, bool Stalled);
