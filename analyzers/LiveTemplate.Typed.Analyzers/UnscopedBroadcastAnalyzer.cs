using System.Collections.Immutable;
using LiveTemplate.Typed.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LiveTemplate.Typed.Analyzers;

/// <summary>
/// LTT0001: a global publish (every connection on every instance) without <c>[AllowGlobalBroadcast("reason")]</c>
/// on the code around it; LTT0009: the opt-in with an empty reason, which does not count.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnscopedBroadcastAnalyzer : LiveTemplateAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnscopedBroadcast, DiagnosticDescriptors.OptInWithoutReason);

    /// <inheritdoc />
    private protected override void Initialize(CompilationStartAnalysisContext context, LiveTemplateSymbols symbols)
    {
        if (symbols.AllowGlobalBroadcast is not { } attribute)
        {
            return;
        }

        context.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, attribute, ((IInvocationOperation)c.Operation).TargetMethod), OperationKind.Invocation);
        context.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, attribute, ((IMethodReferenceOperation)c.Operation).Method), OperationKind.MethodReference);
        context.RegisterOperationAction(c => AnalyzeOptIn(c, attribute), OperationKind.Attribute);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, LiveTemplateSymbols symbols, INamedTypeSymbol attribute, IMethodSymbol method)
    {
        if (!symbols.IsGlobalPublish(method)
            || ForwardsGlobalPublish(context.ContainingSymbol, symbols)
            || ExpressionTrees.Contain(context.Operation)
            || OptIn.Covers(context.Operation, context.ContainingSymbol, attribute))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnscopedBroadcast, NameLocation(context.Operation), method.Name));
    }

    /// <summary>A broadcaster's own PublishGlobalAsync (a decorator passing it on) is not where the decision is made.</summary>
    private static bool ForwardsGlobalPublish(ISymbol containingSymbol, LiveTemplateSymbols symbols)
        => containingSymbol is IMethodSymbol member && symbols.IsGlobalPublish(member);

    private static void AnalyzeOptIn(OperationAnalysisContext context, INamedTypeSymbol attribute)
    {
        var operation = (IAttributeOperation)context.Operation;
        if (operation.Operation is IObjectCreationOperation { Constructor: { } constructor } creation
            && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, attribute)
            && IsEmptyReason(creation))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.OptInWithoutReason, operation.Syntax.GetLocation()));
        }
    }

    private static bool IsEmptyReason(IObjectCreationOperation creation)
        => creation.Arguments.Length != 1 || OptIn.IsBlank(creation.Arguments[0].Value.ConstantValue.Value);

    /// <summary>The method name of the call (what a reader looks at), or the whole expression when it has none.</summary>
    internal static Location NameLocation(IOperation operation)
    {
        var syntax = operation.Syntax;
        if (syntax is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax invocation)
        {
            syntax = invocation.Expression;
        }

        return syntax switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access => access.Name.GetLocation(),
            Microsoft.CodeAnalysis.CSharp.Syntax.MemberBindingExpressionSyntax binding => binding.Name.GetLocation(),
            _ => syntax.GetLocation(),
        };
    }
}
