using System.Linq;
using System.Threading;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// Turns a type marked <c>[ServerAction]</c> or <c>[GroupAction]</c> into an <see cref="ActionModel"/>, or into
/// nothing when its declaration is wrong (the analyzer says why).
/// </summary>
internal static class ActionParser
{
    public static ActionModel? Parse(GeneratorAttributeSyntaxContext context, ActionKind kind, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length != 1)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var name = ActionNameOf(type, context.Attributes[0]);
        if (!type.IsRecord || !DeclarationReader.IsPartial(type) || DeclarationReader.FirstNonPartialContainer(type) is not null
            || DeclarationReader.IsGenericOrInGeneric(type) || HasBothScopes(type) || ActionNaming.Explain(name) is not null)
        {
            return null;
        }

        var shapes = new PayloadShapeReader();
        var root = shapes.ReadAction(type);
        if (root is null)
        {
            return null;
        }

        return new ActionModel(
            DeclarationReader.Read(type, "Action"),
            name!,
            kind,
            root,
            new EquatableArray<ObjectModel>(shapes.Objects),
            new EquatableArray<EnumModel>(shapes.Enums));
    }

    /// <summary>The action name the attribute gives, or the default derived from the type name.</summary>
    public static string? ActionNameOf(INamedTypeSymbol type, AttributeData attribute)
        => attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : ActionNaming.DefaultActionName(type.Name);

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
        }

        return null;
    }

    public static bool HasBothScopes(INamedTypeSymbol type)
    {
        var names = type.GetAttributes().Select(a => a.AttributeClass?.ToDisplayString()).ToList();
        return names.Contains(KnownNames.ServerActionAttribute) && names.Contains(KnownNames.GroupActionAttribute);
    }
}
