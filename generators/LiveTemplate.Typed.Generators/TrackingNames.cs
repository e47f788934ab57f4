namespace LiveTemplate.Typed.Generators;

/// <summary>The names of the generator's tracked steps, which the incremental caching tests look up.</summary>
public static class TrackingNames
{
    /// <summary>Types marked <c>[ServerAction]</c>, parsed into models.</summary>
    public const string ServerActions = nameof(ServerActions);

    /// <summary>Types marked <c>[GroupAction]</c>, parsed into models.</summary>
    public const string GroupActions = nameof(GroupActions);

    /// <summary>Types marked <c>[PresenceMetadata]</c>, parsed into models.</summary>
    public const string PresenceMetadata = nameof(PresenceMetadata);
    /// <summary>Types marked <c>[TopicAction]</c>, parsed into models.</summary>
    public const string TopicActions = nameof(TopicActions);

    /// <summary>Calls of <c>AllowFromBrowser&lt;T&gt;()</c> and <c>UsePresence&lt;T&gt;()</c>, for the browser declarations.</summary>
    public const string EndpointUses = nameof(EndpointUses);

    /// <summary>The actions, presence metadata and endpoint uses of the referenced assemblies, when the browser declarations are on.</summary>
    public const string ReferencedDeclarations = nameof(ReferencedDeclarations);

    /// <summary>Calls of <c>LiveConnection.SendAsync(name, …)</c>, the updates the server sends, for the browser declarations.</summary>
    public const string UpdateSends = nameof(UpdateSends);

    /// <summary>Every action model with the endpoint uses, the update sends, the build's switch and the referenced declarations: the input of the browser declarations.</summary>
    public const string BrowserDeclarations = nameof(BrowserDeclarations);

    /// <summary>Partial handler types, parsed into models.</summary>
    public const string Handlers = nameof(Handlers);
}
