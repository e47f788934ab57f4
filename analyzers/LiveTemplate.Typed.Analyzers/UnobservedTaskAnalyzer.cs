using System.Collections.Immutable;
using System.Globalization;
using LiveTemplate.Typed.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LiveTemplate.Typed.Analyzers;

/// <summary>
/// LTT0007: a broadcaster call (or a typed or <c>LiveConnection</c> publish) used as a statement outside an async
/// function, or behind <c>?.</c> anywhere, so its Task (and any <c>PublishFailedException</c>) is dropped. Inside async
/// functions the compiler already warns (CS4014) for a plain call, an explicit discard (<c>_ = ...</c>) says the drop is
/// meant, and an expression tree makes no call; none of them is reported. The ValueTask of a <c>LiveConnection</c> send
/// follows the same rules, except that a discard is reported too: a ValueTask must be consumed exactly once, and a
/// discard consumes nothing (<c>_ = connection.SendAsync(...).AsTask()</c> is the fire-and-forget that does).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnobservedTaskAnalyzer : LiveTemplateAnalyzer
{
    private const string TaskFailures = "PublishFailedException, a rejected id, a lost connection";
    private const string TaskAdvice = "await it, or hand it to code that observes it";
    private const string ValueTaskFailures = "a cancelled send, a value that cannot be written as JSON";
    private const string ValueTaskAdvice = "await it, exactly once (a discard does not consume a ValueTask); to let it run unobserved, discard its Task instead: _ = connection.{0}(...).AsTask()";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnobservedBroadcasterTask);

    /// <inheritdoc />
    private protected override void Initialize(CompilationStartAnalysisContext context, LiveTemplateSymbols symbols)
    {
        if (symbols.Task is not null || symbols.ValueTask is not null)
        {
            context.RegisterOperationAction(c => Analyze(c, symbols), OperationKind.Invocation);
        }
    }

    private static void Analyze(OperationAnalysisContext context, LiveTemplateSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        var isTask = symbols.Task is { } task && IsTask(method.ReturnType, task) && symbols.IsBroadcasterMethod(method);
        var isValueTask = !isTask && symbols.IsValueTaskSend(method);
        if ((!isTask && !isValueTask)
            || !IsDropped(invocation, discardIsDrop: isValueTask, out var unseenByCompiler)
            || (!unseenByCompiler && IsInAsyncFunction(invocation, context.ContainingSymbol))
            || ExpressionTrees.Contain(invocation))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.UnobservedBroadcasterTask,
            UnscopedBroadcastAnalyzer.NameLocation(invocation),
            method.Name,
            isTask ? "Task" : "ValueTask",
            isTask ? TaskFailures : ValueTaskFailures,
            isTask ? TaskAdvice : string.Format(CultureInfo.InvariantCulture, ValueTaskAdvice, method.Name)));
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
    /// True when the call is a statement of its own (possibly behind <c>?.</c>), so nothing receives its Task, or, when
    /// <paramref name="discardIsDrop"/>, the whole of a discard assignment (<c>_ = call;</c>). <paramref name="unseenByCompiler"/>
    /// is true when the compiler's CS4014 cannot see it even in async code: behind <c>?.</c>, or discarded.
    /// </summary>
    private static bool IsDropped(IOperation invocation, bool discardIsDrop, out bool unseenByCompiler)
    {
        var current = invocation;
        unseenByCompiler = false;
        while (current.Parent is IConditionalAccessOperation access && access.WhenNotNull == current)
        {
            current = access;
            unseenByCompiler = true;
        }

        if (discardIsDrop
            && current.Parent is ISimpleAssignmentOperation { Target: IDiscardOperation } discard
            && discard.Value == current
            && discard.Parent is IExpressionStatementOperation)
        {
            unseenByCompiler = true;
            return true;
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
