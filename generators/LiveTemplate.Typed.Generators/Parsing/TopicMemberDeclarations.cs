using System.Collections.Generic;
using System.Linq;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// How the members a topic template gives its action, <c>TopicFor(...)</c> and <c>AnyTopic</c>, are declared, as
/// <c>ActionName</c> is: not at all when the action is called so or a member of it or of a base type is (the user's name
/// wins, and generated code never refers to them), with <c>new</c> when they hide the ones generated into a base action.
/// </summary>
internal static class TopicMemberDeclarations
{
    private const string TopicFor = "TopicFor";
    private const string AnyTopic = "AnyTopic";

    /// <summary><paramref name="topic"/>, the template of <paramref name="type"/>, with how its two members are declared.</summary>
    public static TopicTemplateModel Of(TopicTemplateModel topic, INamedTypeSymbol type, PayloadContext payload)
        => topic with
        {
            TopicFor = DeclarationOf(type, TopicFor, ParameterTypes(topic), payload),
            AnyTopic = DeclarationOf(type, AnyTopic, null, payload),
        };

    /// <summary>
    /// How <paramref name="name"/> is declared in <paramref name="type"/>: a method with <paramref name="parameters"/>
    /// (<c>TopicFor</c>, which hides only a method with the same parameters), or a property when they are null.
    /// </summary>
    private static ConstantDeclaration DeclarationOf(INamedTypeSymbol type, string name, List<string>? parameters, PayloadContext payload)
    {
        if (type.Name == name || type.GetMembers(name).Length > 0)
        {
            return ConstantDeclaration.Skip;
        }

        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            var isTopicAction = payload.Known.ActionAttributesOf(baseType).Any(a => a.Kind == ActionKind.Topic);
            var all = baseType.GetMembers(name);
            var declared = all.Where(m => payload.IsAccessibleFrom(m, type)).ToList();
            if (declared.Count > 0)
            {
                // The members of a base topic action compiled elsewhere, of the generated shape, are the generated ones.
                if (!isTopicAction || !declared.All(m => IsGeneratedShape(m, parameters is not null, payload.Known)))
                {
                    return ConstantDeclaration.Skip;
                }

                if (parameters is null || declared.Any(m => ((IMethodSymbol)m).Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).SequenceEqual(parameters)))
                {
                    return ConstantDeclaration.Hide;
                }

                continue; // an overload with other parameters hides nothing
            }

            if (all.Length == 0 && isTopicAction && baseType.DeclaringSyntaxReferences.Length > 0 && TemplateOf(baseType, payload) is { } baseTopic
                && (parameters is null || ParameterTypes(baseTopic).SequenceEqual(parameters))
                && DeclarationOf(baseType, name, parameters, payload) != ConstantDeclaration.Skip)
            {
                // Its member is generated in this compilation, where the generator cannot see it (when it left it out,
                // the member that took the name is further down, and is found there).
                return ConstantDeclaration.Hide;
            }
        }

        return ConstantDeclaration.Declare;
    }

    private static bool IsGeneratedShape(ISymbol member, bool isMethod, KnownSymbols known) => isMethod
        ? member is IMethodSymbol { IsStatic: true, MethodKind: MethodKind.Ordinary } method && KnownSymbols.Is(method.ReturnType, known.Topic)
            && method.Parameters.All(p => p.RefKind == RefKind.None)
        : member is IPropertySymbol { IsStatic: true } property && KnownSymbols.Is(property.Type, known.TopicPattern);

    private static TopicTemplateModel? TemplateOf(INamedTypeSymbol type, PayloadContext payload)
        => payload.Known.ActionAttributesOf(type).FirstOrDefault(a => a.Kind == ActionKind.Topic).Attribute is { } attribute
            && TopicTemplateReader.TemplateOf(attribute) is { } template
                ? TopicTemplateReader.Read(template, type, payload).Model
                : null;

    private static List<string> ParameterTypes(TopicTemplateModel topic) => topic.Parameters.Select(p => p.MemberType!).ToList();
}
