using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// Chooses the constructor generated code calls: the one marked <c>[JsonConstructor]</c>, else the accessible one with the
/// most parameters that each match a data member by name (case-insensitively, as System.Text.Json matches them) and
/// type (a positional record's primary constructor). The copy constructor never counts.
/// </summary>
internal static class ConstructorChooser
{
    /// <summary>The constructor and, for each of its parameters, the member it sets; or null and why there is none.</summary>
    public static (IMethodSymbol? Constructor, DataMember[] Bound, string? WhyNot) Choose(INamedTypeSymbol type, List<DataMember> members, PayloadContext context)
    {
        var marked = type.InstanceConstructors.Where(c => c.GetAttributes().Any(a => KnownSymbols.Is(a.AttributeClass, context.Known.JsonConstructor))).ToList();
        if (marked.Count > 1)
        {
            return (null, [], $"'{type.Name}' has {marked.Count} constructors marked [JsonConstructor]; mark one");
        }

        if (marked.Count == 1)
        {
            var constructor = marked[0];
            if (!context.IsReachable(constructor))
            {
                return (null, [], $"its [JsonConstructor] constructor is {Accessibility(constructor)}, so generated code cannot call it; make it public or internal");
            }

            return Bind(constructor, members, out var bound, out var why) ? (constructor, bound, null) : (null, [], $"its [JsonConstructor] constructor cannot be called from JSON: {why}");
        }

        (IMethodSymbol Constructor, DataMember[] Bound)? best = null;
        string? firstWhy = null;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (!context.IsReachable(constructor) || IsCopyConstructor(type, constructor))
            {
                continue;
            }

            if (!Bind(constructor, members, out var bound, out var why))
            {
                firstWhy ??= why;
                continue;
            }

            if (best is null || constructor.Parameters.Length > best.Value.Constructor.Parameters.Length)
            {
                best = (constructor, bound);
            }
        }

        return best is { } chosen
            ? (chosen.Constructor, chosen.Bound, null)
            : (null, [], $"'{type.Name}' has no public or internal constructor whose parameters all match its public properties by name and type" + (firstWhy is null ? string.Empty : $" ({firstWhy})"));
    }

    private static bool Bind(IMethodSymbol constructor, List<DataMember> members, out DataMember[] bound, out string? why)
    {
        bound = new DataMember[constructor.Parameters.Length];
        for (var i = 0; i < constructor.Parameters.Length; i++)
        {
            var parameter = constructor.Parameters[i];
            var member = members.FirstOrDefault(m => m.Name == parameter.Name)
                ?? members.FirstOrDefault(m => string.Equals(m.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase));
            if (parameter.RefKind != RefKind.None)
            {
                why = $"parameter '{parameter.Name}' is passed by reference";
                return false;
            }

            if (member is null)
            {
                why = $"parameter '{parameter.Name}' matches no public property";
                return false;
            }

            if (!SymbolEqualityComparer.Default.Equals(parameter.Type, member.Type))
            {
                why = $"parameter '{parameter.Name}' is {parameter.Type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)} but property '{member.Name}' is {member.Type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}";
                return false;
            }

            bound[i] = member;
        }

        why = null;
        return true;
    }

    private static bool IsCopyConstructor(INamedTypeSymbol type, IMethodSymbol constructor)
        => constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

    private static string Accessibility(IMethodSymbol constructor) => constructor.DeclaredAccessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal to another assembly",
        _ => "private",
    };
}
