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
        var name = ActionAttributes.ActionNameOf(type, context.Attributes[0]);
        if (!type.IsRecord || !DeclarationReader.IsPartial(type) || DeclarationReader.FirstNonPartialContainer(type) is not null
            || DeclarationReader.IsGenericOrInGeneric(type) || DeclarationReader.FirstHiddenFromAssembly(type) is not null
            || ActionAttributes.HasBothScopes(type) || ActionNaming.Explain(name) is not null)
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
}
