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
        TopicAction = compilation.GetTypeByMetadataName("LiveTemplate.Typed.ITopicAction`1");
        TopicBroadcaster = compilation.GetTypeByMetadataName("LiveTemplate.Typed.PubSub.ITopicBroadcaster");
        TopicPublishExtensions = compilation.GetTypeByMetadataName("LiveTemplate.Typed.TopicPublishExtensions");
        LiveConnection = compilation.GetTypeByMetadataName("LiveTemplate.Typed.AspNetCore.LiveConnection");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
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

    public INamedTypeSymbol? TopicAction { get; }

    public INamedTypeSymbol? TopicBroadcaster { get; }

    public INamedTypeSymbol? TopicPublishExtensions { get; }

    /// <summary>LiveTemplate.Typed.AspNetCore's <c>LiveConnection</c>, when the compilation references the host.</summary>
    public INamedTypeSymbol? LiveConnection { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

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

    /// <summary>True when <paramref name="type"/> is <c>IBroadcaster</c>, <c>IDynamicSubscriber</c> or <c>ITopicBroadcaster</c>, or implements one of them.</summary>
    public bool IsBroadcasterType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (IsBroadcasterInterface(type))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (IsBroadcasterInterface(implemented))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsBroadcasterInterface(ITypeSymbol type)
        => SymbolEqualityComparer.Default.Equals(type, Broadcaster)
            || SymbolEqualityComparer.Default.Equals(type, DynamicSubscriber)
            || SymbolEqualityComparer.Default.Equals(type, TopicBroadcaster);

    /// <summary>
    /// True for a method of a broadcaster (interface or implementation), of the typed-publish extensions (group, user and
    /// topic), or of <c>LiveConnection</c> (its publishes and subscriptions go through the broadcaster).
    /// </summary>
    public bool IsBroadcasterMethod(IMethodSymbol method)
        => IsBroadcasterType(method.ContainingType)
            || SymbolEqualityComparer.Default.Equals(method.ContainingType, BroadcasterExtensions)
            || SymbolEqualityComparer.Default.Equals(method.ContainingType, TopicPublishExtensions)
            || SymbolEqualityComparer.Default.Equals(method.ContainingType, LiveConnection);

    /// <summary>
    /// True for a method of <c>LiveConnection</c> that returns a <c>ValueTask</c> (or <c>ValueTask&lt;T&gt;</c>): its
    /// <c>SendAsync</c> overloads and <c>SendErrorAsync</c>, which send a frame to the browser. Only the SDK's own: the
    /// ValueTasks of other code are not ours to judge, and a broadcaster's <c>DisposeAsync</c> sends nothing.
    /// </summary>
    public bool IsValueTaskSend(IMethodSymbol method)
        => SymbolEqualityComparer.Default.Equals(method.ContainingType, LiveConnection)
            && method.ReturnType is INamedTypeSymbol returned
            && (SymbolEqualityComparer.Default.Equals(returned, ValueTask) || SymbolEqualityComparer.Default.Equals(returned.OriginalDefinition, ValueTaskOfT));

    /// <summary>True for any overload of <c>PublishGlobalAsync</c> on a broadcaster.</summary>
    public bool IsGlobalPublish(IMethodSymbol method)
        => method.Name == "PublishGlobalAsync" && IsBroadcasterType(method.ContainingType);

    /// <summary>
    /// True for the typed publishes, whose type argument is the action: <c>TriggerAsync</c>/<c>BroadcastAsync</c>, the topic
    /// <c>PublishAsync</c>, and <c>LiveConnection</c>'s <c>PublishAsync</c>/<c>BroadcastToGroupAsync</c>.
    /// </summary>
    public bool IsTypedPublish(IMethodSymbol method)
        => method.IsGenericMethod
            && method.Name switch
            {
                "TriggerAsync" or "BroadcastAsync" => SymbolEqualityComparer.Default.Equals(method.ContainingType, BroadcasterExtensions),
                "PublishAsync" => SymbolEqualityComparer.Default.Equals(method.ContainingType, TopicPublishExtensions)
                    || SymbolEqualityComparer.Default.Equals(method.ContainingType, LiveConnection),
                "BroadcastToGroupAsync" => SymbolEqualityComparer.Default.Equals(method.ContainingType, LiveConnection),
                _ => false,
            };

    /// <summary>
    /// The scope of a raw string-named action publish (<c>PublishServerActionAsync</c>, <c>PublishGroupActionAsync</c>,
    /// <c>PublishToTopicAsync</c>), or null when <paramref name="method"/> is not one.
    /// </summary>
    public RawActionPublish? AsRawActionPublish(IMethodSymbol method)
    {
        var kind = method.Name switch
        {
            "PublishServerActionAsync" => Generators.Model.ActionKind.Server,
            "PublishGroupActionAsync" => Generators.Model.ActionKind.Group,
            "PublishToTopicAsync" => Generators.Model.ActionKind.Topic,
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

    /// <summary>True when <paramref name="type"/> implements the generated <c>IServerAction&lt;T&gt;</c>, <c>IGroupAction&lt;T&gt;</c> or <c>ITopicAction&lt;T&gt;</c> of itself.</summary>
    public bool IsGeneratedAction(INamedTypeSymbol type, Generators.Model.ActionKind kind)
    {
        var contract = kind switch
        {
            Generators.Model.ActionKind.Server => ServerAction,
            Generators.Model.ActionKind.Group => GroupAction,
            Generators.Model.ActionKind.Topic => TopicAction,
            _ => null,
        };
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
