using System;
using System.Collections.Immutable;
using System.Threading;
using LiveTemplate.Typed.Analyzers.Diagnostics;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LiveTemplate.Typed.Analyzers;

/// <summary>
/// <c>PublishServerActionAsync</c>/<c>PublishGroupActionAsync</c>/<c>PublishToTopicAsync</c> with a constant action name
/// that a typed action visible here carries: LTT0002 when the scopes agree (use the typed publish), LTT0008 when a
/// server action's name goes to a group or the other way round (the handlers will reject the message as the wrong
/// scope). A topic publish of a server or group action's name, or a server or group publish of a topic action's, is
/// neither (the handlers reject it as the wrong scope, but LTT0008 does not cover topics).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RawActionPublishAnalyzer : LiveTemplateAnalyzer
{
    /// <summary>The diagnostic property that holds the typed action's documentation id, for the code fix.</summary>
    public const string ActionTypeProperty = "ActionType";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.RawActionPublish, DiagnosticDescriptors.ActionPublishedInWrongScope);

    /// <inheritdoc />
    private protected override void Initialize(CompilationStartAnalysisContext context, LiveTemplateSymbols symbols)
    {
        var compilation = context.Compilation;
        var index = new Lazy<TypedActionIndex>(() => TypedActionIndex.Build(compilation, symbols, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        context.RegisterOperationAction(c => Analyze(c, compilation, symbols, index), OperationKind.Invocation);
    }

    /// <summary>The constant action name of a raw action publish, and its argument; null for any other call.</summary>
    internal static (RawActionPublish Publish, IArgumentOperation Argument, string Name)? ConstantActionName(IInvocationOperation invocation, LiveTemplateSymbols symbols)
    {
        if (symbols.AsRawActionPublish(invocation.TargetMethod) is not { } publish)
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.OriginalDefinition, publish.ActionParameter.OriginalDefinition)
                && argument.Value.ConstantValue is { HasValue: true, Value: string name })
            {
                return (publish, argument, name);
            }
        }

        return null;
    }

    private static void Analyze(OperationAnalysisContext context, Compilation compilation, LiveTemplateSymbols symbols, Lazy<TypedActionIndex> index)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (ConstantActionName(invocation, symbols) is not { } raw || ExpressionTrees.Contain(invocation))
        {
            return;
        }

        var within = (ISymbol?)context.ContainingSymbol.ContainingType ?? compilation.Assembly;
        TypedAction? otherScope = null;
        foreach (var action in index.Value.Named(raw.Name))
        {
            if (!compilation.IsSymbolAccessibleWithin(action.Type, within))
            {
                continue;
            }

            if (action.Kind == raw.Publish.Kind)
            {
                var properties = ImmutableDictionary<string, string?>.Empty.Add(ActionTypeProperty, DocumentationCommentId.CreateDeclarationId(action.Type));
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.RawActionPublish,
                    raw.Argument.Value.Syntax.GetLocation(),
                    properties,
                    raw.Name,
                    action.Type.ToDisplayString(),
                    action.TypedPublishName,
                    action.Type.Name));
                return;
            }

            // LTT0008 (its message and its advice) is about the server and group scopes only; a name crossing between a
            // topic and a scope, which the handlers reject as the wrong scope too, is not reported (yet).
            if (action.Kind != ActionKind.Topic && raw.Publish.Kind != ActionKind.Topic)
            {
                otherScope ??= action;
            }
        }

        if (otherScope is not null)
        {
            var isGroup = otherScope.Kind == ActionKind.Group;
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ActionPublishedInWrongScope,
                raw.Argument.Value.Syntax.GetLocation(),
                raw.Name,
                isGroup ? "group action" : "server action",
                otherScope.Type.ToDisplayString(),
                invocation.TargetMethod.Name,
                isGroup ? "server action" : "group action",
                otherScope.TypedPublishName,
                isGroup ? "GroupId" : "UserId"));
        }
    }
}
