using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LiveTemplate.Typed.Analyzers;

/// <summary>
/// Code inside a lambda converted to an expression tree (<c>Expression&lt;Func&lt;IBroadcaster, Task&gt;&gt;</c>: a mock's
/// Setup or Verify, a query) describes a call and makes none, so the analyzers about what a call does (a global
/// publish, a raw action, a dropped Task, a feedback loop, a default id handed over) say nothing there.
/// </summary>
internal static class ExpressionTrees
{
    /// <summary>True when <paramref name="operation"/> is inside a lambda that is converted to an expression tree.</summary>
    public static bool Contain(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda && IsExpressionTree(lambda))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsExpressionTree(IAnonymousFunctionOperation lambda)
    {
        var converted = lambda.SemanticModel?.GetTypeInfo(lambda.Syntax).ConvertedType;
        for (var type = converted; type is not null; type = type.BaseType)
        {
            if (type is { Name: "LambdaExpression", ContainingNamespace: { Name: "Expressions", ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } })
            {
                return true;
            }
        }

        return false;
    }
}
