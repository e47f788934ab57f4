namespace LiveTemplate.Typed.PubSub;

/// <summary>The base of the exceptions a broadcaster raises for transport problems.</summary>
public class BroadcasterException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BroadcasterException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
