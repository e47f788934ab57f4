using System.Threading;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// Finds the calls of <c>LiveEndpointOptions.AllowFromBrowser&lt;T&gt;()</c> and <c>UsePresence&lt;T&gt;()</c> in the
/// compilation: the actions a browser may send and the presence metadata it may set, for the browser declarations.
/// </summary>
internal static class EndpointUseParser
{
    private const string OptionsType = "LiveEndpointOptions";
    private const string OptionsNamespace = "LiveTemplate.Typed.AspNetCore";

    /// <summary>The cheap syntax test: an invocation of a generic method named AllowFromBrowser or UsePresence with one type argument.</summary>
    public static bool IsCandidate(SyntaxNode node)
        => node is InvocationExpressionSyntax invocation && NameOf(invocation) is { TypeArgumentList.Arguments.Count: 1 } name
           && name.Identifier.ValueText is "AllowFromBrowser" or "UsePresence";

    public static EndpointUse? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        // The generator sees the compilation without its own output, where an action does not yet implement
        // IAction<T> (its generated part does): the call then binds to a candidate that fails the constraint.
        var info = context.SemanticModel.GetSymbolInfo(invocation, cancellationToken);
        var symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
        if (symbol is not IMethodSymbol { TypeArguments.Length: 1 } method
            || method.ContainingType is not { Name: OptionsType } owner
            || owner.ContainingNamespace.ToDisplayString() != OptionsNamespace)
        {
            return null;
        }

        var kind = method.Name == "AllowFromBrowser" ? EndpointUseKind.AllowFromBrowser : EndpointUseKind.UsePresence;
        return new EndpointUse(kind, method.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
    }

    private static GenericNameSyntax? NameOf(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax { Name: GenericNameSyntax name } => name,
        MemberBindingExpressionSyntax { Name: GenericNameSyntax name } => name,
        GenericNameSyntax name => name,
        _ => null,
    };
}
