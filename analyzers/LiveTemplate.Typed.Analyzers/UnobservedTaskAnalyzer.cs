using System.Collections.Immutable;
using LiveTemplate.Typed.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LiveTemplate.Typed.Analyzers;

/// <summary>
/// LTT0007: a broadcaster call (or a typed or <c>LiveConnection</c> publish) used as a statement outside an async
/// function, or behind <c>?.</c> anywhere, so its Task (and any <c>PublishFailedException</c>) is dropped. Inside async
/// functions the compiler already warns (CS4014) for a plain call, an explicit discard (<c>_ = ...</c>) says the drop is
/// meant, and an expression tree makes no call; none of them is reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnobservedTaskAnalyzer : LiveTemplateAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnobservedBroadcasterTask);

    /// <inheritdoc />
    private protected override void Initialize(CompilationStartAnalysisContext context, LiveTemplateSymbols symbols)
    {
        if (symbols.Task is { } task)
        {
            context.RegisterOperationAction(c => Analyze(c, symbols, task), OperationKind.Invocation);
        }
    }

    private static void Analyze(OperationAnalysisContext context, LiveTemplateSymbols symbols, INamedTypeSymbol task)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!IsTask(invocation.TargetMethod.ReturnType, task)
            || !symbols.IsBroadcasterMethod(invocation.TargetMethod)
            || !IsDropped(invocation, out var conditional)
            || (!conditional && IsInAsyncFunction(invocation, context.ContainingSymbol))
            || ExpressionTrees.Contain(invocation))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnobservedBroadcasterTask, UnscopedBroadcastAnalyzer.NameLocation(invocation), invocation.TargetMethod.Name));
    }

    private static bool IsTask(ITypeSymbol type, INamedTypeSymbol task)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, task))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the call is a statement of its own (possibly behind <c>?.</c>, then <paramref name="conditional"/>), so
    /// nothing receives its Task. The compiler's CS4014 does not see a call behind <c>?.</c>, even in async code.
    /// </summary>
    private static bool IsDropped(IOperation invocation, out bool conditional)
    {
        var current = invocation;
        conditional = false;
        while (current.Parent is IConditionalAccessOperation access && access.WhenNotNull == current)
        {
            current = access;
            conditional = true;
        }

        return current.Parent is IExpressionStatementOperation;
    }

    private static bool IsInAsyncFunction(IOperation operation, ISymbol containingSymbol)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    return lambda.Symbol.IsAsync;
                case ILocalFunctionOperation local:
                    return local.Symbol.IsAsync;
            }
        }

        return containingSymbol is IMethodSymbol { IsAsync: true };
    }
}
