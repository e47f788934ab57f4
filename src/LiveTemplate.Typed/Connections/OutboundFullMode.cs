namespace LiveTemplate.Typed.Connections;

/// <summary>What a full outbound queue does with one more message; either way the drop is counted.</summary>
public enum OutboundFullMode
{
    /// <summary>Drop the message that does not fit; the queue keeps what it had (the default).</summary>
    DropIncoming,

    /// <summary>Drop the oldest queued message to make room: a slow connection sees the latest state.</summary>
    DropOldest,
}
