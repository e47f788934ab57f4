using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LiveTemplate.Typed.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace LiveTemplate.Typed.CodeFixes;

/// <summary>
/// LTT0002: replaces <c>PublishServerActionAsync</c>/<c>PublishGroupActionAsync</c>/<c>PublishToTopicAsync</c> with
/// <c>TriggerAsync</c>/<c>BroadcastAsync</c>/the topic <c>PublishAsync</c> of the typed action. The data becomes the action
/// when that is mechanical (the bytes of <c>ActionJson.SerializeToUtf8Bytes(action)</c>, or empty data for an action
/// without required values); otherwise the fix writes <c>new TAction(Member: default, ...)</c> for the author to fill in.
/// It is offered only when the rewritten file has no more errors than before and the new call is the SDK's typed publish
/// of that action (not a receiver's own method of the same name).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseTypedPublishCodeFix)), Shared]
public sealed class UseTypedPublishCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("LTT0002");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var cancellationToken = context.CancellationToken;
        var diagnostic = context.Diagnostics[0];
        var root = (CompilationUnitSyntax?)await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null
            || !diagnostic.Properties.TryGetValue(RawActionPublishAnalyzer.ActionTypeProperty, out var typeId) || typeId is null
            || DocumentationCommentId.GetFirstSymbolForDeclarationId(typeId, model.Compilation) is not INamedTypeSymbol type
            || LiveTemplateSymbols.TryCreate(model.Compilation) is not { } symbols
            || TypedActionIndex.Of(type, symbols) is not { } action
            || root.FindNode(context.Span).AncestorsAndSelf().OfType<ArgumentSyntax>().FirstOrDefault()?.Parent?.Parent is not InvocationExpressionSyntax call
            || model.GetOperation(call, cancellationToken) is not IInvocationOperation publish
            || ActionExpression(publish, action, model, call.SpanStart) is not { } replacement
            || Rewrite(call, publish, replacement.Expression, action.TypedPublishName) is not { } typedCall)
        {
            return;
        }

        var rewritten = new SyntaxAnnotation();
        var changed = root.ReplaceNode(call, typedCall.WithAdditionalAnnotations(Formatter.Annotation, rewritten));
        changed = NamespaceImport.Ensure(changed, model, call.SpanStart, NamespaceImport.Runtime);
        var fixedDocument = document.WithSyntaxRoot(changed);
        if (!await CompilesAsWellAsync(document, fixedDocument, cancellationToken).ConfigureAwait(false)
            || !await CallsTypedPublishAsync(fixedDocument, rewritten, typeId, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var title = replacement.IsExact
            ? $"Use {action.TypedPublishName} with the typed action '{type.Name}'"
            : $"Use {action.TypedPublishName} with new {type.Name}(...) (fill in its values from the data)";
        context.RegisterCodeFix(
            CodeAction.Create(title, _ => Task.FromResult(fixedDocument), equivalenceKey: replacement.IsExact ? "LTT0002.Exact" : "LTT0002.Placeholders"),
            diagnostic);
    }

    /// <summary>The typed action to publish in place of the raw data, and whether it carries the same data.</summary>
    private static (ExpressionSyntax Expression, bool IsExact)? ActionExpression(IInvocationOperation publish, TypedAction action, SemanticModel model, int position)
    {
        var data = publish.Arguments.FirstOrDefault(a => a.Parameter?.Name == "data")?.Value;
        if (data is null)
        {
            return null;
        }

        data = WithoutImplicitConversions(data);
        if (data is IInvocationOperation { TargetMethod: { Name: "SerializeToUtf8Bytes", ContainingType.Name: "ActionJson" }, Arguments.Length: 1 } serialize
            && SymbolEqualityComparer.Default.Equals(WithoutImplicitConversions(serialize.Arguments[0].Value).Type, action.Type)
            && serialize.Arguments[0].Value.Syntax is ExpressionSyntax value)
        {
            return (value.WithoutTrivia(), true);
        }

        if (ConstructorFor(action.Type, model, position) is not { } constructor)
        {
            return null;
        }

        var required = constructor.Parameters.Where(p => !p.IsOptional).ToList();
        var arguments = required.Select(p => Argument(NameColon(IdentifierName(p.Name)), default, Placeholder(p.Type)));
        var creation = ObjectCreationExpression(ParseTypeName(action.Type.ToMinimalDisplayString(model, position)))
            .WithArgumentList(ArgumentList(SeparatedList(arguments)));

        // Required members the constructor does not set get placeholders too ({ Column = default! }), so the result
        // compiles instead of failing with CS9035; the title then says to fill them in.
        var members = SetsRequiredMembers(constructor) ? [] : RequiredMembers(action.Type);
        if (members.Count > 0)
        {
            creation = creation.WithInitializer(InitializerExpression(
                SyntaxKind.ObjectInitializerExpression,
                SeparatedList<ExpressionSyntax>(members.Select(m => AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(m.Name), Placeholder(m.Type))))));
        }

        return (creation, required.Count == 0 && members.Count == 0 && IsEmpty(data));
    }

    /// <summary><c>default</c>, or <c>default!</c> for a reference type (the author fills it in; the compiler should not warn first).</summary>
    private static ExpressionSyntax Placeholder(ITypeSymbol type)
        => type.IsValueType ? DefaultLiteral() : PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression, DefaultLiteral());

    private static bool SetsRequiredMembers(IMethodSymbol constructor)
        => constructor.GetAttributes().Any(a => a.AttributeClass is { Name: "SetsRequiredMembersAttribute", ContainingNamespace: var ns } && ns.ToDisplayString() == "System.Diagnostics.CodeAnalysis");

    /// <summary>The <c>required</c> properties and fields of <paramref name="type"/> and its bases, base first, each once.</summary>
    private static List<(string Name, ITypeSymbol Type)> RequiredMembers(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            chain.Insert(0, current);
        }

        var members = new List<(string Name, ITypeSymbol Type)>();
        foreach (var member in chain.SelectMany(t => t.GetMembers()))
        {
            var found = member switch
            {
                IPropertySymbol { IsRequired: true } property => (property.Name, property.Type),
                IFieldSymbol { IsRequired: true } field => (field.Name, field.Type),
                _ => default((string Name, ITypeSymbol Type)?),
            };
            if (found is { } required)
            {
                members.RemoveAll(m => m.Name == required.Name);
                members.Add(required);
            }
        }

        return members;
    }

    private static LiteralExpressionSyntax DefaultLiteral() => LiteralExpression(SyntaxKind.DefaultLiteralExpression, Token(SyntaxKind.DefaultKeyword));

    /// <summary>The accessible constructor with the most parameters, leaving out a record's copy constructor.</summary>
    private static IMethodSymbol? ConstructorFor(INamedTypeSymbol type, SemanticModel model, int position)
        => type.InstanceConstructors
            .Where(c => model.IsAccessible(position, c))
            .Where(c => !(c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, type)))
            .Where(c => c.Parameters.All(p => p.RefKind == RefKind.None))
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();

    /// <summary>True for data that is certainly empty or <c>{}</c>: <c>default</c>, <c>.Empty</c>, <c>Array.Empty&lt;byte&gt;()</c>, <c>new byte[0]</c>, <c>""u8</c>/<c>"{}"u8</c>.</summary>
    private static bool IsEmpty(IOperation data) => data switch
    {
        IDefaultValueOperation => true,
        IPropertyReferenceOperation { Property: { Name: "Empty", IsStatic: true } } => true,
        IInvocationOperation { TargetMethod: { Name: "Empty", ContainingType.SpecialType: SpecialType.System_Array } } => true,
        IArrayCreationOperation { Initializer: null, DimensionSizes.Length: 1 } array => array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: 0 },
        IArrayCreationOperation { Initializer.ElementValues.Length: 0 } => true,
        IInvocationOperation { TargetMethod.Name: "ToArray", Instance: IUtf8StringOperation { Value: "" or "{}" } } => true,
        _ => false,
    };

    private static IOperation WithoutImplicitConversions(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The typed call: same receiver and arguments, the action in place of the name, no data argument.</summary>
    private static InvocationExpressionSyntax? Rewrite(InvocationExpressionSyntax call, IInvocationOperation publish, ExpressionSyntax action, string typedName)
    {
        ExpressionSyntax? target = call.Expression switch
        {
            MemberAccessExpressionSyntax { Expression: not BaseExpressionSyntax } access => access.WithName(IdentifierName(typedName)),
            MemberBindingExpressionSyntax binding => binding.WithName(IdentifierName(typedName)),
            IdentifierNameSyntax name => MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, ThisExpression(), IdentifierName(typedName)).WithTriviaFrom(name),
            _ => null,
        };
        if (target is null)
        {
            return null;
        }

        // Edit the written list in place, so its commas keep their trivia: a call laid out one argument a line, with
        // comments after the commas, stays so. The data argument goes with the comma next to it.
        var arguments = call.ArgumentList.Arguments;
        var data = arguments.FirstOrDefault(a => ParameterName(publish, a) == "data");
        var actionName = arguments.FirstOrDefault(a => ParameterName(publish, a) == "action");
        if (actionName is null)
        {
            return null;
        }

        arguments = arguments.Replace(actionName, actionName.WithExpression(action.WithTriviaFrom(actionName.Expression)));
        if (data is not null)
        {
            arguments = arguments.RemoveAt(call.ArgumentList.Arguments.IndexOf(data));
        }

        return call.WithExpression(target).WithArgumentList(call.ArgumentList.WithArguments(arguments));
    }

    private static string? ParameterName(IInvocationOperation publish, ArgumentSyntax argument)
        => publish.Arguments.FirstOrDefault(a => a.Syntax == argument)?.Parameter?.Name;

    private static async Task<bool> CompilesAsWellAsync(Document before, Document after, CancellationToken cancellationToken)
    {
        var oldModel = await before.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var newModel = await after.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return oldModel is not null && newModel is not null
            && Errors(newModel, cancellationToken) <= Errors(oldModel, cancellationToken);
    }

    /// <summary>
    /// True when the rewritten call binds to the SDK's typed publish of the action (<c>BroadcasterExtensions</c> or
    /// <c>TopicPublishExtensions</c>): a receiver with a method of its own by that name would otherwise compile and
    /// silently call something else.
    /// </summary>
    private static async Task<bool> CallsTypedPublishAsync(Document document, SyntaxAnnotation rewritten, string actionTypeId, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null
            || root.GetAnnotatedNodes(rewritten).OfType<InvocationExpressionSyntax>().FirstOrDefault() is not { } call
            || LiveTemplateSymbols.TryCreate(model.Compilation) is not { } symbols
            || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return false;
        }

        var definition = method.ReducedFrom ?? method;
        return symbols.IsTypedPublish(definition)
            && !SymbolEqualityComparer.Default.Equals(definition.ContainingType, symbols.LiveConnection)
            && method.TypeArguments.Length == 1
            && DocumentationCommentId.CreateDeclarationId(method.TypeArguments[0]) == actionTypeId;
    }

    private static int Errors(SemanticModel model, CancellationToken cancellationToken)
        => model.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
}
