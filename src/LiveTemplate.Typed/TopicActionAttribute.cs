namespace LiveTemplate.Typed;

/// <summary>
/// Declares a <c>partial record</c> as a topic action: a typed message for every connection subscribed to a topic (or a
/// matching pattern), published with <see cref="TopicPublishExtensions"/>. The source generator adds the action's name,
/// its JSON code and <see cref="ITopicAction{TSelf}"/>; with <see cref="Topic"/> it derives the topic from the action.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class TopicActionAttribute : Attribute
{
    /// <summary>Uses the default action name: the type name in kebab-case (<c>NewMessage</c> is "new-message").</summary>
    public TopicActionAttribute()
    {
    }

    /// <summary>Uses <paramref name="name"/> as the action name, the one senders and handlers agree on (a Go peer included).</summary>
    public TopicActionAttribute(string name) => Name = name;

    /// <summary>The action name given in the attribute, or null for the default.</summary>
    public string? Name { get; }

    /// <summary>
    /// A template of the action's topic: segments of the grammar, and <c>{Member}</c> segments naming the action's own
    /// members (<c>"room/{RoomId}"</c>). The generator then implements <see cref="ITemplatedTopicAction{TSelf}"/> and
    /// topic and pattern helpers for subscribers; the compiler refuses a template that breaks the grammar.
    /// </summary>
    public string? Topic { get; set; }
}
