namespace LiveTemplate.Typed;

/// <summary>
/// Declares a <c>partial record</c> as a server action: a typed message for every connection of one user, sent
/// with <see cref="BroadcasterExtensions.TriggerAsync{TAction}"/>. The source generator adds the action's name,
/// its JSON code and <see cref="IServerAction{TSelf}"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class ServerActionAttribute : Attribute
{
    /// <summary>Uses the default action name: the type name in kebab-case (<c>CartUpdated</c> is "cart-updated").</summary>
    public ServerActionAttribute()
    {
    }

    /// <summary>Uses <paramref name="name"/> as the action name, the one senders and handlers agree on (a Go peer included).</summary>
    public ServerActionAttribute(string name) => Name = name;

    /// <summary>The action name given in the attribute, or null for the default.</summary>
    public string? Name { get; }

    /// <summary>
    /// False keeps the action out of its channel's history (see <c>BroadcasterOptions.History</c>): its messages get no
    /// position, are not stored and are not replayed after a reconnect, only delivered live. For frequent, short-lived
    /// actions (a cursor, "is typing") on a kind of channel that keeps history. True (the default) follows the kind.
    /// </summary>
    public bool Recoverable { get; set; } = true;
}
