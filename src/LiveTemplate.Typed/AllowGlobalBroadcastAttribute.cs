namespace LiveTemplate.Typed;

/// <summary>
/// States that the code it marks means to broadcast to every connection on every instance (a global publish),
/// and why. Without it, the LiveTemplate.Typed analyzers flag global publishes: a message for everyone is rarely
/// what was meant, and costs every connection of every instance.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Constructor | AttributeTargets.Property, Inherited = false)]
public sealed class AllowGlobalBroadcastAttribute : Attribute
{
    /// <summary>Opts in, with the reason a reviewer will read (for example "operator announcements").</summary>
    /// <param name="reason">Why everyone must receive it; must not be empty.</param>
    public AllowGlobalBroadcastAttribute(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Reason = reason;
    }

    /// <summary>Why everyone must receive it.</summary>
    public string Reason { get; }
}
