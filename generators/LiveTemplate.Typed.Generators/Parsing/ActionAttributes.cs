using System.Linq;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// Reads <c>[ServerAction]</c>/<c>[GroupAction]</c> off a type: its scope and its effective action name. Shared with
/// the analyzers project (it compiles this file too), so the name an analyzer matches is the one the generator emits.
/// </summary>
internal static class ActionAttributes
{
    /// <summary>The action name the attribute gives, or the default derived from the type name.</summary>
    public static string? ActionNameOf(INamedTypeSymbol type, AttributeData attribute)
        => attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : ActionNaming.DefaultActionName(type.Name);

    /// <summary>False when the attribute says <c>Recoverable = false</c>: the action stays out of its channel's history.</summary>
    public static bool IsRecoverable(AttributeData attribute)
        => !attribute.NamedArguments.Any(a => a.Key == "Recoverable" && a.Value.Value is false);

    /// <summary>The <c>[ServerAction]</c> or <c>[GroupAction]</c> of <paramref name="type"/>, with its kind; null when it has neither.</summary>
    public static (AttributeData Attribute, ActionKind Kind)? ActionAttributeOf(ITypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            var name = attribute.AttributeClass?.ToDisplayString();
            if (name == KnownNames.ServerActionAttribute)
            {
                return (attribute, ActionKind.Server);
            }

            if (name == KnownNames.GroupActionAttribute)
            {
                return (attribute, ActionKind.Group);
            }

            if (name == KnownNames.TopicActionAttribute)
            {
                return (attribute, ActionKind.Topic);
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="type"/> is marked with more than one kind of action attribute.</summary>
    public static bool HasBothScopes(INamedTypeSymbol type)
    {
        var names = type.GetAttributes().Select(a => a.AttributeClass?.ToDisplayString()).ToList();
        return new[] { KnownNames.ServerActionAttribute, KnownNames.GroupActionAttribute, KnownNames.TopicActionAttribute }.Count(names.Contains) > 1;
    }
}
