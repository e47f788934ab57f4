namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>A closed-loop run: deliveries per second, CPU time per delivery of both servers and of the load process (its clients), deliveries lost or doubled.</summary>
public sealed record ClosedLoopResult(double DeliveriesPerSecond, double ServerCpuMicrosecondsPerDelivery, double ClientCpuMicrosecondsPerDelivery, long Missing, bool Stalled);
