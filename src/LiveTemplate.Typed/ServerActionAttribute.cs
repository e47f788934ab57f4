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
}
