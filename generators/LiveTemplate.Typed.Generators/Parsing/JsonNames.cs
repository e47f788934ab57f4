using System.Collections.Generic;
using LiveTemplate.Typed.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>Reads and checks the JSON names attributes give to members and enum members.</summary>
internal static class JsonNames
{
    /// <summary>
    /// The name <paramref name="attribute"/> gives <paramref name="symbol"/>, or null (with an LTT1015 problem) when it
    /// is null or not whole UTF-16 characters, which JSON text cannot hold.
    /// </summary>
    public static string? Given(AttributeData attribute, ISymbol symbol, INamedTypeSymbol owner, string attributeName, List<ShapeProblem> problems)
    {
        var name = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        var why = name is null ? "it is null" : UnpairedSurrogate(name);
        if (why is null)
        {
            return name;
        }

        problems.Add(new ShapeProblem(DiagnosticDescriptors.InvalidJsonName, LocationOf(attribute, symbol), [symbol.Name, owner.Name, why, attributeName], ShapeProblem.IsUnfinished(attribute)));
        return null;
    }

    /// <summary>The attribute's own location in source, else the symbol's.</summary>
    public static Location? LocationOf(AttributeData attribute, ISymbol symbol)
        => attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? DataMembers.LocationOf(symbol);

    private static string? UnpairedSurrogate(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(name[i]))
            {
                return $"it contains the unpaired surrogate U+{(int)name[i]:X4}";
            }
        }

        return null;
    }
}
