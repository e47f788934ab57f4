using LiveTemplate.Typed;

namespace LiveTemplate.Typed.Benchmarks.Servers.Typed.Actions;

/// <summary>To a topic: one fan-out message to every browser that subscribed to it; the host writes it to them itself.</summary>
[TopicAction]
public sealed partial record TopicTick(int Seq, string Text);
