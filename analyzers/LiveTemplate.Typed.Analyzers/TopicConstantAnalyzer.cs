using System.Collections.Immutable;
using LiveTemplate.Typed.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LiveTemplate.Typed.Analyzers;

/// <summary>
/// Topic and pattern constants the compiler can already judge with the runtime's own grammar: LTT0010, a constant
/// that <c>new Topic</c>/<c>new TopicPattern</c> (or their <c>TryCreate</c>) always refuses; LTT0011, a pattern given to
/// <c>Topic</c>, which always throws, whether it was meant to subscribe or to publish.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TopicConstantAnalyzer : LiveTemplateAnalyzer
{
    private const int LongestValueShown = 40;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InvalidTopicConstant,
        DiagnosticDescriptors.PatternAsTopic);

    /// <inheritdoc />
    private protected override void Initialize(CompilationStartAnalysisContext context, LiveTemplateSymbols symbols)
    {
        if (symbols.Topic is null || symbols.TopicPattern is null)
        {
            return; // A runtime from before topics.
        }

        context.RegisterOperationAction(c => AnalyzeCreation(c, symbols), OperationKind.ObjectCreation);
        context.RegisterOperationAction(c => AnalyzeTryCreate(c, symbols), OperationKind.Invocation);
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, LiveTemplateSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Constructor is { Parameters.Length: 1 } constructor
            && constructor.Parameters[0].Type.SpecialType == SpecialType.System_String
            && symbols.AsTopicKind(constructor.ContainingType) is { } kind)
        {
            Analyze(context, creation.Arguments[0], kind, "new " + constructor.ContainingType.Name, IsPublished(creation));
        }
    }

    private static void AnalyzeTryCreate(OperationAnalysisContext context, LiveTemplateSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method is { Name: "TryCreate", IsStatic: true, Parameters.Length: 2 } && symbols.AsTopicKind(method.ContainingType) is { } kind
            && Arguments.ForParameter(invocation.Arguments, 0) is { } value)
        {
            Analyze(context, value, kind, method.ContainingType.Name + ".TryCreate", published: false);
        }
    }

    private static void Analyze(OperationAnalysisContext context, IArgumentOperation argument, TopicKind kind, string call, bool published)
    {
        var constant = argument.Value.ConstantValue;
        if (!constant.HasValue || (constant.Value is not null and not string))
        {
            return;
        }

        var value = (string?)constant.Value;
        if (TopicVerdict.Of(value, kind) is not { } verdict)
        {
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(TopicVerdict.KindProperty, kind.ToString());
        if (verdict.ValidAsOtherKind)
        {
            properties.Add(TopicVerdict.OtherKindProperty, "true");
        }

        if (verdict.Repaired is { } repaired)
        {
            properties.Add(TopicVerdict.RepairedProperty, repaired);
        }

        var shown = call + "(" + (value is null ? "null" : Shorten(SymbolDisplay.FormatLiteral(value, quote: true))) + ")";
        var location = argument.Value.Syntax.GetLocation();
        var diagnostic = kind == TopicKind.Topic && verdict.ValidAsOtherKind
            ? Diagnostic.Create(
                DiagnosticDescriptors.PatternAsTopic,
                location,
                properties.ToImmutable(),
                shown,
                Shorten(value!),
                published
                    ? "a publish goes to one exact topic and publishing to a pattern is refused: publish to each topic the message is for"
                    : $"subscribe with new TopicPattern({Shorten(SymbolDisplay.FormatLiteral(value!, quote: true))}) to receive every topic it matches")
            : Diagnostic.Create(
                DiagnosticDescriptors.InvalidTopicConstant,
                location,
                properties.ToImmutable(),
                shown,
                verdict.Problem,
                kind == TopicKind.Topic ? "topic" : "topic pattern",
                kind == TopicKind.Topic ? " (or a connection's own Topic.ForUser/Topic.ForSession)" : ", at least one of them exactly '*'");
        context.ReportDiagnostic(diagnostic);
    }

    /// <summary>True when the created topic is handed straight to a publish (<c>PublishAsync</c>, <c>PublishToTopicAsync</c>, ...).</summary>
    private static bool IsPublished(IOperation creation)
    {
        var parent = creation.Parent;
        while (parent is IConversionOperation { IsImplicit: true })
        {
            parent = parent.Parent;
        }

        return parent is IArgumentOperation { Parent: IInvocationOperation invocation }
            && invocation.TargetMethod.Name.StartsWith("Publish", System.StringComparison.Ordinal);
    }

    private static string Shorten(string text)
        => text.Length <= LongestValueShown ? text : text.Substring(0, LongestValueShown) + "…";
}
