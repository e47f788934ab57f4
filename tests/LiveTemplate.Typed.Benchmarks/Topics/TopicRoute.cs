namespace LiveTemplate.Typed.Benchmarks.Topics;

/// <summary>How the connections on instance B are reached in the topic benchmarks.</summary>
public enum TopicRoute
{
    /// <summary>The baseline: a typed group action to the group every connection is in.</summary>
    GroupAction,

    /// <summary>A topic action; every connection subscribed to the exact topic.</summary>
    ExactTopic,

    /// <summary>A topic action; every connection subscribed to a pattern that matches it (Redis PSUBSCRIBE).</summary>
    Pattern,

    /// <summary>A topic action; every connection subscribed to the topic and to a matching pattern: B receives two copies and delivers one.</summary>
    ExactAndPattern,
}
