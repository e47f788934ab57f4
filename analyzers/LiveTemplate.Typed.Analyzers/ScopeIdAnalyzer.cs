using System.Collections.Immutable;
using LiveTemplate.Typed.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LiveTemplate.Typed.Analyzers;

/// <summary>
/// Scope ids the compiler can already judge: LTT0003, a constant that is never a valid <c>GroupId</c>/<c>UserId</c>;
/// LTT0004, any other constant (one group or user for everyone); LTT0006, <c>default(GroupId)</c>/<c>default(UserId)</c>
/// handed to a LiveTemplate.Typed method, which rejects it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ScopeIdAnalyzer : LiveTemplateAnalyzer
{
    private const int LongestValueShown = 40;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InvalidScopeIdConstant,
        DiagnosticDescriptors.ConstantScopeId,
        DiagnosticDescriptors.DefaultScopeId);

    /// <inheritdoc />
    private protected override void Initialize(CompilationStartAnalysisContext context, LiveTemplateSymbols symbols)
    {
        context.RegisterOperationAction(c => AnalyzeCreation(c, symbols), OperationKind.ObjectCreation);
        context.RegisterOperationAction(c => AnalyzeInvocation(c, symbols), OperationKind.Invocation);
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, LiveTemplateSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Constructor is not { } constructor)
        {
            return;
        }

        if (symbols.IsScopeId(constructor.ContainingType) && creation.Arguments.Length == 1)
        {
            AnalyzeValue(context, creation.Arguments[0], constructor.ContainingType.Name, "new " + constructor.ContainingType.Name);
        }

        AnalyzeArguments(context, symbols, constructor, creation.Arguments);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, LiveTemplateSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name == "TryCreate" && symbols.IsScopeId(method.ContainingType) && invocation.Arguments.Length == 2
            && Arguments.ForParameter(invocation.Arguments, 0) is { } value)
        {
            AnalyzeValue(context, value, method.ContainingType.Name, method.ContainingType.Name + ".TryCreate");
        }

        AnalyzeArguments(context, symbols, method, invocation.Arguments);
    }

    private static void AnalyzeValue(OperationAnalysisContext context, IArgumentOperation argument, string kind, string call)
    {
        var constant = argument.Value.ConstantValue;
        if (!constant.HasValue || (constant.Value is not null and not string))
        {
            return;
        }

        var value = (string?)constant.Value;
        var location = argument.Value.Syntax.GetLocation();
        if (ScopeIdText.Explain(value, kind) is { } problem)
        {
            var shown = value is null ? "null" : Shorten(SymbolDisplay.FormatLiteral(value, quote: true));
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidScopeIdConstant, location, call + "(" + shown + ")", problem.TrimEnd('.')));
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ConstantScopeId, location, kind, Shorten(value!), kind == "GroupId" ? "group" : "user"));
    }

    /// <summary>LTT0006: default ids passed to the runtime's methods (their own Equals and operators compare with default legitimately).</summary>
    private static void AnalyzeArguments(OperationAnalysisContext context, LiveTemplateSymbols symbols, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
    {
        if (method.MethodKind is MethodKind.UserDefinedOperator or MethodKind.Conversion
            || symbols.IsScopeId(method.ContainingType)
            || !(IsRuntimeMethod(method) || symbols.IsBroadcasterMethod(method)))
        {
            return;
        }

        foreach (var argument in arguments)
        {
            // In an expression tree (a mock's Verify) a default id is a value to match, not one handed to the runtime.
            if (argument.ArgumentKind == ArgumentKind.Explicit && DefaultIdType(argument.Value, symbols) is { } idType && !ExpressionTrees.Contain(argument))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DefaultScopeId,
                    argument.Value.Syntax.GetLocation(),
                    method.MethodKind == MethodKind.Constructor ? "new " + method.ContainingType.Name : method.Name,
                    idType.Name,
                    idType.Name == "GroupId" ? "group" : "user"));
            }
        }
    }

    private static bool IsRuntimeMethod(IMethodSymbol method)
    {
        var ns = method.ContainingNamespace?.ToDisplayString();
        return ns is not null && (ns == "LiveTemplate.Typed" || ns.StartsWith("LiveTemplate.Typed.", System.StringComparison.Ordinal));
    }

    /// <summary>The id type when <paramref name="value"/> is <c>default</c>, <c>default(GroupId)</c> or <c>new GroupId()</c> (possibly converted).</summary>
    private static ITypeSymbol? DefaultIdType(IOperation value, LiveTemplateSymbols symbols)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        var isDefault = value is IDefaultValueOperation || value is IObjectCreationOperation { Arguments.Length: 0, Initializer: null };
        return isDefault && symbols.IsScopeId(value.Type) ? value.Type : null;
    }

    private static string Shorten(string text)
        => text.Length <= LongestValueShown ? text : text.Substring(0, LongestValueShown) + "…";
}
