using System.Collections.Generic;
using System.Linq;
using LiveTemplate.Typed.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// The properties and fields of a payload type that can carry data, as System.Text.Json sees them: public properties
/// with a public getter, and properties and fields marked <c>[JsonInclude]</c>. Derived members hide base ones.
/// </summary>
internal static class DataMembers
{
    public static List<DataMember> Of(INamedTypeSymbol type, PayloadContext context, List<ShapeProblem> problems)
    {
        var members = new List<DataMember>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
        {
            foreach (var symbol in current.GetMembers())
            {
                if (symbol.IsStatic || symbol.IsImplicitlyDeclared || symbol is not (IPropertySymbol { IsIndexer: false } or IFieldSymbol { IsConst: false }) || !seen.Add(symbol.Name))
                {
                    continue;
                }

                var json = JsonAttributes.Of(symbol, context.Known);
                if (Read(symbol, json, type, context, problems) is { } member)
                {
                    members.Add(member);
                }
            }
        }

        return members;
    }

    private static DataMember? Read(ISymbol symbol, JsonAttributes json, INamedTypeSymbol owner, PayloadContext context, List<ShapeProblem> problems)
    {
        var (getter, setter, type, annotation, isRequired) = symbol switch
        {
            IPropertySymbol p => ((ISymbol?)p.GetMethod, (ISymbol?)p.SetMethod, p.Type, p.NullableAnnotation, p.IsRequired),
            IFieldSymbol f => (f, f.IsReadOnly ? null : f, f.Type, f.NullableAnnotation, f.IsRequired),
            _ => default,
        };

        var isPublic = symbol.DeclaredAccessibility == Accessibility.Public && getter?.DeclaredAccessibility == Accessibility.Public;
        if (symbol is IFieldSymbol && !json.IsIncluded)
        {
            if (isPublic && json.Ignore is null)
            {
                problems.Add(new ShapeProblem(DiagnosticDescriptors.FieldIsNotData, LocationOf(symbol), [symbol.Name, owner.Name]));
            }

            return null;
        }

        if (!json.IsIncluded && !isPublic)
        {
            if (json.SaysSomething && symbol.GetAttributes().FirstOrDefault(context.Known.IsJsonAttribute) is { } attribute)
            {
                problems.Add(new ShapeProblem(DiagnosticDescriptors.UnsupportedAttribute, JsonNames.LocationOf(attribute, symbol), [ShortName(attribute), $"{owner.Name}.{symbol.Name}", "the member is not public, so System.Text.Json would skip it; make it public or add [JsonInclude]"]));
            }

            return null;
        }

        if (getter is null || !context.IsReachable(symbol) || !context.IsReachable(getter))
        {
            problems.Add(new ShapeProblem(DiagnosticDescriptors.UnsupportedAttribute, LocationOf(symbol), ["JsonInclude", $"{owner.Name}.{symbol.Name}", "generated code cannot read it, because it or its getter is private or protected; make it public or internal"]));
            return null;
        }

        foreach (var (attribute, reason) in json.Unsupported)
        {
            problems.Add(new ShapeProblem(DiagnosticDescriptors.UnsupportedAttribute, JsonNames.LocationOf(attribute, symbol), [ShortName(attribute), $"{owner.Name}.{symbol.Name}", reason]));
        }

        // A public setter or init, or any setter generated code can reach when the member is [JsonInclude].
        var canSet = setter is not null && (setter.DeclaredAccessibility == Accessibility.Public || (json.IsIncluded && context.IsReachable(setter)));
        var setterHidden = setter is not null && !canSet && json.IsIncluded;
        return new DataMember(symbol, type, annotation, json, canSet, setterHidden, isRequired);
    }

    public static Location? LocationOf(ISymbol symbol) => symbol.Locations.FirstOrDefault(l => l.IsInSource);

    /// <summary>An attribute's name as written: <c>JsonInclude</c> for <c>JsonIncludeAttribute</c>.</summary>
    public static string ShortName(AttributeData attribute)
    {
        var name = attribute.AttributeClass?.Name ?? "?";
        return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }
}

/// <summary>A property or field of a payload type that can carry data, with what its System.Text.Json attributes say.</summary>
/// <param name="Symbol">The property or field.</param>
/// <param name="Type">Its type.</param>
/// <param name="Annotation">Its nullable annotation.</param>
/// <param name="Json">Its System.Text.Json attributes.</param>
/// <param name="CanSet">True when generated code can set it in an object initializer.</param>
/// <param name="SetterHidden">True for a <c>[JsonInclude]</c> member with a setter generated code cannot reach.</param>
/// <param name="IsRequiredMember">True for a C# <c>required</c> member.</param>
internal sealed record DataMember(ISymbol Symbol, ITypeSymbol Type, NullableAnnotation Annotation, JsonAttributes Json, bool CanSet, bool SetterHidden, bool IsRequiredMember)
{
    public string Name => Symbol.Name;
}
