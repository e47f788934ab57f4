using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Analyzers;

/// <summary>
/// The LiveTemplate.Typed types the analyzers look for, resolved once per compilation; <see cref="TryCreate"/> gives
/// null when the compilation does not reference the runtime, and the analyzers then do nothing.
/// </summary>
internal sealed class LiveTemplateSymbols
{
    private LiveTemplateSymbols(Compilation compilation, INamedTypeSymbol broadcaster)
    {
        Broadcaster = broadcaster;
        DynamicSubscriber = compilation.GetTypeByMetadataName("LiveTemplate.Typed.PubSub.IDynamicSubscriber");
        BroadcasterExtensions = compilation.GetTypeByMetadataName("LiveTemplate.Typed.BroadcasterExtensions");
        GroupId = compilation.GetTypeByMetadataName("LiveTemplate.Typed.GroupId");
        UserId = compilation.GetTypeByMetadataName("LiveTemplate.Typed.UserId");
        AllowGlobalBroadcast = compilation.GetTypeByMetadataName("LiveTemplate.Typed.AllowGlobalBroadcastAttribute");
        Handle = compilation.GetTypeByMetadataName("LiveTemplate.Typed.IHandle`1");
        ServerAction = compilation.GetTypeByMetadataName("LiveTemplate.Typed.IServerAction`1");
        GroupAction = compilation.GetTypeByMetadataName("LiveTemplate.Typed.IGroupAction`1");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        Topic = compilation.GetTypeByMetadataName("LiveTemplate.Typed.Topic");
        TopicPattern = compilation.GetTypeByMetadataName("LiveTemplate.Typed.TopicPattern");
    }

    public INamedTypeSymbol Broadcaster { get; }

    public INamedTypeSymbol? DynamicSubscriber { get; }

    public INamedTypeSymbol? BroadcasterExtensions { get; }

    public INamedTypeSymbol? GroupId { get; }

    public INamedTypeSymbol? UserId { get; }

    public INamedTypeSymbol? AllowGlobalBroadcast { get; }

    public INamedTypeSymbol? Handle { get; }

    public INamedTypeSymbol? ServerAction { get; }

    public INamedTypeSymbol? GroupAction { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? Topic { get; }

    public INamedTypeSymbol? TopicPattern { get; }

    public static LiveTemplateSymbols? TryCreate(Compilation compilation)
        => compilation.GetTypeByMetadataName("LiveTemplate.Typed.PubSub.IBroadcaster") is { } broadcaster
            ? new LiveTemplateSymbols(compilation, broadcaster)
            : null;

    /// <summary>True for <c>GroupId</c> and <c>UserId</c>.</summary>
    public bool IsScopeId(ITypeSymbol? type)
        => type is not null && (SymbolEqualityComparer.Default.Equals(type, GroupId) || SymbolEqualityComparer.Default.Equals(type, UserId));

    /// <summary>The kind of topic value <paramref name="type"/> is (<c>Topic</c> or <c>TopicPattern</c>), or null for any other type.</summary>
    public TopicKind? AsTopicKind(ITypeSymbol? type)
        => type is null ? null
            : SymbolEqualityComparer.Default.Equals(type, Topic) ? TopicKind.Topic
            : SymbolEqualityComparer.Default.Equals(type, TopicPattern) ? TopicKind.Pattern
            : null;

    /// <summary>True when <paramref name="type"/> is <c>IBroadcaster</c> or <c>IDynamicSubscriber</c>, or implements one of them.</summary>
    public bool IsBroadcasterType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, Broadcaster) || SymbolEqualityComparer.Default.Equals(type, DynamicSubscriber))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, Broadcaster) || SymbolEqualityComparer.Default.Equals(implemented, DynamicSubscriber))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a method of a broadcaster (interface or implementation) or of the typed-publish extensions.</summary>
    public bool IsBroadcasterMethod(IMethodSymbol method)
        => IsBroadcasterType(method.ContainingType) || SymbolEqualityComparer.Default.Equals(method.ContainingType, BroadcasterExtensions);

    /// <summary>True for any overload of <c>PublishGlobalAsync</c> on a broadcaster.</summary>
    public bool IsGlobalPublish(IMethodSymbol method)
        => method.Name == "PublishGlobalAsync" && IsBroadcasterType(method.ContainingType);

    /// <summary>True for the typed publishes <c>TriggerAsync</c>/<c>BroadcastAsync</c>.</summary>
    public bool IsTypedPublish(IMethodSymbol method)
        => method.Name is "TriggerAsync" or "BroadcastAsync"
            && method.IsGenericMethod
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, BroadcasterExtensions);

    /// <summary>The scope of a raw string-named action publish, or null when <paramref name="method"/> is not one.</summary>
    public RawActionPublish? AsRawActionPublish(IMethodSymbol method)
    {
        var kind = method.Name switch
        {
            "PublishServerActionAsync" => Generators.Model.ActionKind.Server,
            "PublishGroupActionAsync" => Generators.Model.ActionKind.Group,
            _ => (Generators.Model.ActionKind?)null,
        };
        if (kind is null || !IsBroadcasterType(method.ContainingType))
        {
            return null;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.Name == "action" && parameter.Type.SpecialType == SpecialType.System_String)
            {
                return new RawActionPublish(kind.Value, parameter);
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="type"/> implements the generated <c>IServerAction&lt;T&gt;</c> or <c>IGroupAction&lt;T&gt;</c> of itself.</summary>
    public bool IsGeneratedAction(INamedTypeSymbol type, Generators.Model.ActionKind kind)
    {
        var contract = kind == Generators.Model.ActionKind.Server ? ServerAction : GroupAction;
        if (contract is null)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, contract)
                && SymbolEqualityComparer.Default.Equals(implemented.TypeArguments[0], type))
            {
                return true;
            }
        }

        return false;
    }
}
