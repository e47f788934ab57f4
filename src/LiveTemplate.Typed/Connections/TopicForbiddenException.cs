namespace LiveTemplate.Typed.Connections;

/// <summary>A connection may not subscribe to a topic or pattern: another's reserved <c>lvt:</c> topic, or one the app's policy does not allow.</summary>
public sealed class TopicForbiddenException : Exception
{
    /// <summary>Creates the exception for <paramref name="topic"/> (a topic or pattern's text) with the reason.</summary>
    public TopicForbiddenException(string topic, string reason)
        : base($"Subscribing to '{topic}' is not allowed: {reason}")
    {
        Topic = topic;
    }

    /// <summary>The topic or pattern that was refused.</summary>
    public string Topic { get; }
}
