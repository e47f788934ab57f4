namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// A publish reached this instance's own subscribers but could not be handed to the transport (for example,
/// Redis is unreachable): other instances did not get it.
/// </summary>
public sealed class PublishFailedException : BroadcasterException
{
    /// <summary>Creates the exception for <paramref name="channel"/>.</summary>
    public PublishFailedException(string channel, Exception innerException)
        : base($"Publishing to channel '{channel}' failed: the message was delivered to this instance's subscribers but not to other instances. {innerException.Message}", innerException)
    {
        Channel = channel;
    }

    /// <summary>The channel the message was for.</summary>
    public string Channel { get; }
}
