using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Analyzers;

/// <summary>A record the generator turned into a typed action: its type, scope and name on the wire.</summary>
internal sealed record TypedAction(INamedTypeSymbol Type, ActionKind Kind, string Name)
{
    /// <summary>The typed publish of this scope: <c>TriggerAsync</c> for server actions, <c>BroadcastAsync</c> for group actions, <c>PublishAsync</c> for topic actions.</summary>
    public string TypedPublishName => Kind switch
    {
        ActionKind.Server => "TriggerAsync",
        ActionKind.Group => "BroadcastAsync",
        _ => "PublishAsync",
    };
}
