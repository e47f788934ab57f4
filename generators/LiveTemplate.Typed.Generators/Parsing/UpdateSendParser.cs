using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// Finds the calls of <c>LiveConnection.SendAsync(name, value, typeInfo)</c> and <c>SendAsync(name, utf8Json)</c>, the
/// <c>update</c> frames the server sends browsers, for the browser declarations: the name when it is a constant, and
/// what System.Text.Json writes for the value with its context's options (raw JSON, or a type info that is not a
/// context's property, is <c>unknown</c>).
/// </summary>
internal static class UpdateSendParser
{
    private const string TypeInfoParameter = "typeInfo";
    private const string RawJsonParameter = "utf8Json";

    /// <summary>The cheap syntax test: an invocation of a method named SendAsync with two to four arguments.</summary>
    public static bool IsCandidate(SyntaxNode node)
        => node is InvocationExpressionSyntax { ArgumentList.Arguments.Count: >= 2 and <= 4 } invocation
           && invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SendAsync" } or MemberBindingExpressionSyntax { Name.Identifier.ValueText: "SendAsync" };

    public static UpdateSend? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        var model = context.SemanticModel;
        var symbols = SerializerSymbols.For(model.Compilation);
        if (symbols.LiveConnection is null || MethodOf(invocation, model, symbols, cancellationToken) is not { } method)
        {
            return null;
        }

        var arguments = invocation.ArgumentList.Arguments;
        ExpressionSyntax? Argument(string parameter)
        {
            var index = method.Parameters.Select(p => p.Name).ToList().IndexOf(parameter);
            return arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameter)?.Expression
                   ?? (index >= 0 && index < arguments.Count && arguments[index].NameColon is null ? arguments[index].Expression : null);
        }

        var name = Argument("name") is { } nameSyntax && model.GetConstantValue(nameSyntax, cancellationToken) is { HasValue: true, Value: string constant } ? constant : null;
        if (method.Parameters.Any(p => p.Name == RawJsonParameter) || Argument(TypeInfoParameter) is not { } typeInfo
            || SerializerContextReader.Read(typeInfo, model, symbols, cancellationToken) is not { } source)
        {
            return new UpdateSend(name, WrittenType.Unknown, EquatableArray<WrittenObject>.Empty, EquatableArray<WrittenEnum>.Empty);
        }

        var (type, serializerContext) = source;
        // A null value is written as null: a reference the compiler's flow analysis says may be null.
        var mayBeNull = !type.IsValueType && Argument("value") is { } value && model.GetTypeInfo(value, cancellationToken).Nullability.FlowState == NullableFlowState.MaybeNull;
        var reader = new WrittenShapeReader(symbols, SerializerOptions.Of(serializerContext, symbols));
        var written = reader.Read(type, mayBeNull);
        return new UpdateSend(name, written, new EquatableArray<WrittenObject>(reader.Objects), new EquatableArray<WrittenEnum>(reader.Enums));
    }

    /// <summary>
    /// The update overload the call binds to. Without System.Text.Json's generated part of a context its type info
    /// argument does not bind, and the call has candidates instead of a symbol; the one that takes a type info is it.
    /// </summary>
    private static IMethodSymbol? MethodOf(InvocationExpressionSyntax invocation, SemanticModel model, SerializerSymbols symbols, CancellationToken cancellationToken)
    {
        var info = model.GetSymbolInfo(invocation, cancellationToken);
        var candidates = (info.Symbol is { } symbol ? ImmutableArray.Create(symbol) : info.CandidateSymbols).OfType<IMethodSymbol>()
            .Where(m => SymbolEqualityComparer.Default.Equals(m.ContainingType?.OriginalDefinition, symbols.LiveConnection)
                        && m.Parameters.Any(p => p.Name is TypeInfoParameter or RawJsonParameter))
            .ToList();
        return candidates.Count == 1 ? candidates[0] : candidates.FirstOrDefault(m => m.Parameters.Any(p => p.Name == TypeInfoParameter));
    }
}
