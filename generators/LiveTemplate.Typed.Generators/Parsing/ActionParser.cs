using System.Linq;
using System.Threading;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// Turns a type marked <c>[ServerAction]</c>, <c>[GroupAction]</c> or <c>[TopicAction]</c> into an <see cref="ActionModel"/>, or into
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
        var payload = new PayloadContext(context.SemanticModel.Compilation);
        var name = ActionAttributes.ActionNameOf(type, context.Attributes[0]);
        if (!type.IsRecord || !DeclarationReader.IsPartial(type) || DeclarationReader.FirstNonPartialContainer(type) is not null
            || DeclarationReader.IsGenericOrInGeneric(type) || DeclarationReader.FirstHiddenFromAssembly(type) is not null
            || payload.Known.ActionAttributesOf(type).Count != 1 || ActionNaming.Explain(name) is not null)
        {
            return null;
        }

        var shapes = new PayloadShapeReader(payload);
        var root = shapes.ReadAction(type);
        if (root is null)
        {
            return null;
        }

        TopicTemplateModel? topic = null;
        if (kind == ActionKind.Topic && TopicTemplateReader.TemplateOf(context.Attributes[0]) is { } template)
        {
            topic = TopicTemplateReader.Read(template, type, payload).Model;
            if (topic is null)
            {
                return null; // LTT1017/LTT1018 say why
            }

            topic = TopicMemberDeclarations.Of(topic, type, payload);
        }

        return new ActionModel(
            DeclarationReader.Read(type, "Action"),
            name!,
            kind,
            DeclarationOf(type, "ActionName", payload),
            DeclarationOf(type, "ActionScope", payload),
            root,
            new EquatableArray<ObjectModel>(shapes.Objects),
            new EquatableArray<EnumModel>(shapes.Enums),
            Immutability.IsDeep(type),
            ActionAttributes.IsRecoverable(context.Attributes[0]),
            new EquatableArray<string>(shapes.SuppressedIds),
            topic,
            new EquatableArray<string>(shapes.NonPublicMemberOwners));
    }

    /// <summary>
    /// Models an action or presence metadata of a referenced assembly (marked with its one action attribute,
    /// <paramref name="attribute"/>) for the browser declarations, or returns null when its own build generated nothing
    /// for it (its generated part, which implements the kind's <paramref name="contract"/>, is missing). Read
    /// from symbols alone, as its assembly sees them: no syntax, no constants or topic template (nothing is generated
    /// for it here).
    /// </summary>
    public static ActionModel? ParseReferenced(INamedTypeSymbol type, AttributeData attribute, ActionKind kind, PayloadContext payload, INamedTypeSymbol? contract)
    {
        var name = ActionAttributes.ActionNameOf(type, attribute);
        if (!type.IsRecord || DeclarationReader.IsGenericOrInGeneric(type) || DeclarationReader.FirstHiddenFromAssembly(type) is not null
            || ActionNaming.Explain(name) is not null || !type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, contract) && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type)))
        {
            return null;
        }

        var shapes = new PayloadShapeReader(payload);
        return shapes.ReadAction(type) is { } root
            ? new ActionModel(
                DeclarationReader.Read(type, "Action"),
                name!,
                kind,
                ConstantDeclaration.Skip,
                ConstantDeclaration.Skip,
                root,
                new EquatableArray<ObjectModel>(shapes.Objects),
                new EquatableArray<EnumModel>(shapes.Enums),
                IsImmutable: false,
                ActionAttributes.IsRecoverable(attribute),
                new EquatableArray<string>(shapes.SuppressedIds))
            : null;
    }

    /// <summary>
    /// How to declare the generated constant <paramref name="name"/> in <paramref name="type"/>: not at all when the type
    /// is called so or a member of it or of a base type is (the user's name wins), with <c>new</c> when it hides the
    /// constant of a base type that is an action too.
    /// </summary>
    private static ConstantDeclaration DeclarationOf(INamedTypeSymbol type, string name, PayloadContext payload)
    {
        if (type.Name == name || type.GetMembers(name).Length > 0)
        {
            return ConstantDeclaration.Skip;
        }

        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            var isAction = payload.Known.ActionAttributesOf(baseType).Count > 0;
            var declared = baseType.GetMembers(name);
            if (declared.Length > 0)
            {
                // A constant of a base action compiled elsewhere is the generated one; anything else is the user's.
                return isAction && declared.All(m => m is IFieldSymbol { IsConst: true }) ? ConstantDeclaration.Hide : ConstantDeclaration.Skip;
            }

            if (isAction && baseType.DeclaringSyntaxReferences.Length > 0)
            {
                // Its constant is generated in this compilation, where the generator cannot see it.
                return ConstantDeclaration.Hide;
            }
        }

        return ConstantDeclaration.Declare;
    }
}
