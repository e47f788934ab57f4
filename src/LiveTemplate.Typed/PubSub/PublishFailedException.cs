namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// The transport did not confirm a publish (for example, Redis is unreachable, or too slow to answer in time): the
/// message is not known to have reached other instances, which is not the same as not having reached them (a Redis that
/// was only slow delivers it once it runs again). On a channel without history this instance's own subscribers already
/// got it (local first); on a channel with history they get it back from the stream only if it got there.
/// </summary>
public sealed class PublishFailedException : BroadcasterException
{
    /// <summary>Creates the exception for <paramref name="channel"/>.</summary>
    public PublishFailedException(string channel, Exception innerException)
        : base($"Publishing to channel '{channel}' failed: the transport did not confirm it, so the message is not known to have reached other instances (a transport that was only slow may still deliver it). {innerException.Message}", innerException)
    {
        Channel = channel;
    }

    /// <summary>The channel the message was for.</summary>
    public string Channel { get; }
}
