using System.Collections.Immutable;
using LiveTemplate.Typed.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LiveTemplate.Typed.Analyzers;

/// <summary>
/// LTT0005: an <c>IHandle&lt;T&gt;.HandleAsync</c> that publishes <c>T</c> again, typed (<c>TriggerAsync</c>,
/// <c>BroadcastAsync</c>, the topic <c>PublishAsync</c>, <c>LiveConnection</c>'s publishes) or by its name (a raw server,
/// group or topic publish): every connection that receives it runs the handler, which publishes it once more.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FeedbackLoopAnalyzer : LiveTemplateAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.FeedbackLoop);

    /// <inheritdoc />
    private protected override void Initialize(CompilationStartAnalysisContext context, LiveTemplateSymbols symbols)
    {
        if (symbols.Handle is { } handle)
        {
            context.RegisterOperationAction(c => Analyze(c, symbols, handle), OperationKind.Invocation);
        }
    }

    private static void Analyze(OperationAnalysisContext context, LiveTemplateSymbols symbols, INamedTypeSymbol handle)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        var isTyped = symbols.IsTypedPublish(method);
        var raw = isTyped ? null : RawActionPublishAnalyzer.ConstantActionName(invocation, symbols);
        if ((!isTyped && raw is null) || HandledAction(context.ContainingSymbol, handle) is not { } handled || ExpressionTrees.Contain(invocation))
        {
            return;
        }

        var loops = isTyped
            ? SymbolEqualityComparer.Default.Equals(method.TypeArguments[0], handled)
            : TypedActionIndex.Of(handled, symbols) is { } action && action.Name == raw!.Value.Name && action.Kind == raw.Value.Publish.Kind;
        if (loops)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FeedbackLoop, UnscopedBroadcastAnalyzer.NameLocation(invocation), handled.Name));
        }
    }

    /// <summary>The action <paramref name="member"/> handles when it implements <c>IHandle&lt;T&gt;.HandleAsync</c>; otherwise null.</summary>
    private static INamedTypeSymbol? HandledAction(ISymbol member, INamedTypeSymbol handle)
    {
        if (member is not IMethodSymbol { Name: var name } method || member.ContainingType is not { } type
            || (name != "HandleAsync" && method.ExplicitInterfaceImplementations.IsEmpty))
        {
            return null;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, handle)
                && implemented.TypeArguments[0] is INamedTypeSymbol action
                && implemented.GetMembers("HandleAsync") is { Length: 1 } members
                && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(members[0]), method))
            {
                return action;
            }
        }

        return null;
    }
}
