namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>Everything one stack measured in one run of the part.</summary>
public sealed class StackResults
{
    /// <summary>Closed loop by group size.</summary>
    public Dictionary<int, ClosedLoopResult> FanOut { get; } = [];

    /// <summary>Fixed rate by group size.</summary>
    public Dictionary<int, FixedRateResult> FanOutLatency { get; } = [];

    /// <summary>Closed loop by group size, to a topic the group's clients follow (a stack without topics: the group).</summary>
    public Dictionary<int, ClosedLoopResult> TopicFanOut { get; } = [];

    /// <summary>Fixed rate by group size, to the group's topic.</summary>
    public Dictionary<int, FixedRateResult> TopicFanOutLatency { get; } = [];

    /// <summary>Deliveries per WebSocket message one raw observer client received during a closed loop, by group size.</summary>
    public Dictionary<int, double> DeliveriesPerMessage { get; } = [];

    /// <summary>The same for the topic fan-out.</summary>
    public Dictionary<int, double> TopicDeliveriesPerMessage { get; } = [];

    /// <summary>The board's move at a fixed rate.</summary>
    public FixedRateResult? MoveCard { get; set; }

    /// <summary>Working set per idle connection (bytes, both servers).</summary>
    public double WorkingSetPerConnection { get; set; }

    /// <summary>Managed heap after a full GC per idle connection (bytes, both servers).</summary>
    public double HeapPerConnection { get; set; }
}
