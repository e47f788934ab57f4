using System.Linq;
using LiveTemplate.Typed.Generators.Parsing;

namespace LiveTemplate.Typed.Generators.Model;

/// <summary>
/// Every kind of action and the names that go with it, in one table: the generator makes one pipeline per row, and the
/// emitter and the analyzer take their words from it, so a new kind is a new row.
/// </summary>
internal static class ActionKinds
{
    public static readonly ActionKindInfo[] All =
    [
        new(ActionKind.Server, KnownNames.ServerActionAttribute, "ServerAction", "IServerAction", "Server", "every connection of one user", TrackingNames.ServerActions),
        new(ActionKind.Group, KnownNames.GroupActionAttribute, "GroupAction", "IGroupAction", "Group", "every connection of one group", TrackingNames.GroupActions),
        new(ActionKind.Presence, KnownNames.PresenceMetadataAttribute, "PresenceMetadata", "Presence.IPresenceMetadata", "Presence", "the members of a presence scope", TrackingNames.PresenceMetadata),
        new(ActionKind.Topic, KnownNames.TopicActionAttribute, "TopicAction", "ITopicAction", "Topic", "every connection subscribed to its topic or to a pattern that matches it", TrackingNames.TopicActions),
    ];

    public static ActionKindInfo Of(ActionKind kind) => All.First(k => k.Kind == kind);
}

/// <summary>One kind of action.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="AttributeMetadataName">The attribute that marks it (<c>LiveTemplate.Typed.ServerActionAttribute</c>).</param>
/// <param name="AttributeName">The attribute as written (<c>ServerAction</c>).</param>
/// <param name="Contract">The generated interface of the root namespace (<c>IServerAction</c>).</param>
/// <param name="Scope">The runtime's <c>ActionScope</c> member.</param>
/// <param name="Audience">Who receives it, for documentation comments.</param>
/// <param name="TrackingName">The tracked step of its pipeline.</param>
internal sealed record ActionKindInfo(ActionKind Kind, string AttributeMetadataName, string AttributeName, string Contract, string Scope, string Audience, string TrackingName)
{
    /// <summary>The metadata name of <see cref="Contract"/> (<c>LiveTemplate.Typed.IServerAction`1</c>), which the generated part implements.</summary>
    public string ContractMetadataName => "LiveTemplate.Typed." + Contract + "`1";
}
