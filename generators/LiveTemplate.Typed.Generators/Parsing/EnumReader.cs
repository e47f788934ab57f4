using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LiveTemplate.Typed.Generators.Diagnostics;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// Reads an enum: by member name (the default, and <c>JsonStringEnumConverter</c>'s way) or by number
/// (<c>JsonNumberEnumConverter&lt;T&gt;</c>), with the names of <c>[JsonStringEnumMemberName]</c>.
/// </summary>
internal static class EnumReader
{
    /// <summary>
    /// Whether a <c>[JsonConverter]</c> on <paramref name="enumType"/> or on a member of that type writes it by number
    /// (true), by name (false), or is a converter typed actions cannot run (null, with <paramref name="whyNot"/>).
    /// </summary>
    public static bool? ByNumber(AttributeData converter, ITypeSymbol enumType, KnownSymbols known, out string? whyNot)
    {
        whyNot = null;
        var converterType = converter.ConstructorArguments.Length == 1 ? converter.ConstructorArguments[0].Value as INamedTypeSymbol : null;
        if (KnownSymbols.Is(converterType, known.JsonStringEnumConverter))
        {
            return false;
        }

        var isString = KnownSymbols.IsConstructionOf(converterType, known.JsonStringEnumConverterOfT);
        if (isString || KnownSymbols.IsConstructionOf(converterType, known.JsonNumberEnumConverterOfT))
        {
            if (SymbolEqualityComparer.Default.Equals(converterType!.TypeArguments[0], enumType))
            {
                return !isString;
            }

            whyNot = $"{converterType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)} does not convert {enumType.Name}";
            return null;
        }

        whyNot = JsonAttributes.WhyNot(converter, known);
        return null;
    }

    /// <summary>Reads <paramref name="type"/>'s members and their JSON names; <paramref name="problems"/> gets names that are invalid or taken twice.</summary>
    public static EnumModel Read(INamedTypeSymbol type, string name, bool byNumber, KnownSymbols known, List<ShapeProblem> problems)
    {
        var members = new List<EnumMemberModel>();
        var byJsonName = new Dictionary<string, IFieldSymbol>(System.StringComparer.Ordinal);
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
        {
            var jsonName = field.Name;
            foreach (var attribute in field.GetAttributes())
            {
                if (KnownSymbols.Is(attribute.AttributeClass, known.JsonStringEnumMemberName))
                {
                    jsonName = JsonNames.Given(attribute, field, type, "JsonStringEnumMemberName", problems) ?? field.Name;
                }
                else if (known.IsJsonAttribute(attribute))
                {
                    problems.Add(new ShapeProblem(DiagnosticDescriptors.UnsupportedAttribute, JsonNames.LocationOf(attribute, field), [
                        DataMembers.ShortName(attribute), $"{type.Name}.{field.Name}",
                        "an enum member's JSON name is given by [JsonStringEnumMemberName]"]));
                }
            }

            if (!byNumber && byJsonName.TryGetValue(jsonName, out var first))
            {
                problems.Add(new ShapeProblem(DiagnosticDescriptors.DuplicateJsonName, DataMembers.LocationOf(field), [first.Name, field.Name, type.Name, jsonName, "JsonStringEnumMemberName"]));
            }

            byJsonName[jsonName] = field;
            members.Add(new EnumMemberModel(field.Name, jsonName, System.Convert.ToString(field.ConstantValue, CultureInfo.InvariantCulture) ?? "0"));
        }

        var underlying = type.EnumUnderlyingType!;
        return new EnumModel(
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            name,
            PayloadShapeReader.Primitive(underlying, known)!.Value.ToString(),
            underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            new EquatableArray<EnumMemberModel>(members),
            byNumber,
            type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute"));
    }
}
