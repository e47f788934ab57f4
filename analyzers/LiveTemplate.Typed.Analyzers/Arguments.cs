using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Operations;

namespace LiveTemplate.Typed.Analyzers;

/// <summary>Arguments by the parameter they bind to: <c>Arguments</c> of an operation are in the order they are written, so named ones may come first.</summary>
internal static class Arguments
{
    /// <summary>The argument given to the parameter at <paramref name="ordinal"/>, or null when there is none.</summary>
    public static IArgumentOperation? ForParameter(ImmutableArray<IArgumentOperation> arguments, int ordinal)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument;
            }
        }

        return null;
    }
}
