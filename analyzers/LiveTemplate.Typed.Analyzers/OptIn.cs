using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LiveTemplate.Typed.Analyzers;

/// <summary>Finds the <c>[AllowGlobalBroadcast("reason")]</c> that covers a piece of code.</summary>
internal static class OptIn
{
    /// <summary>
    /// True when the lambda, local function, member (or its property), type or an enclosing type around
    /// <paramref name="operation"/> carries the opt-in with a non-empty reason.
    /// </summary>
    public static bool Covers(IOperation operation, ISymbol containingSymbol, INamedTypeSymbol attribute)
    {
        for (var symbol = InnermostFunction(operation) ?? containingSymbol; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            if (HasReason(symbol, attribute) || (symbol is IMethodSymbol { AssociatedSymbol: { } property } && HasReason(property, attribute)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a reason is missing, empty or whitespace: such an opt-in does not count.</summary>
    public static bool IsBlank(object? reason) => reason is not string text || text.Trim().Length == 0;

    private static ISymbol? InnermostFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    return lambda.Symbol;
                case ILocalFunctionOperation local:
                    return local.Symbol;
            }
        }

        return null;
    }

    private static bool HasReason(ISymbol symbol, INamedTypeSymbol attribute)
    {
        foreach (var candidate in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.AttributeClass, attribute) && candidate.ConstructorArguments.Length == 1 && !IsBlank(candidate.ConstructorArguments[0].Value))
            {
                return true;
            }
        }

        return false;
    }
}
