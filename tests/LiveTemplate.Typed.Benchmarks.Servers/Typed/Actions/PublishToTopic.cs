using LiveTemplate.Typed;

namespace LiveTemplate.Typed.Benchmarks.Servers.Typed.Actions;

/// <summary>From the load client: publish a <see cref="TopicTick"/> to the topic of the group named (<c>bench/{group}</c>).</summary>
[GroupAction]
public sealed partial record PublishToTopic(string Group, int Seq, string Text);
