using Microsoft.CodeAnalysis.Diagnostics;

namespace LiveTemplate.Typed.Analyzers;

/// <summary>
/// What every LTT0xxx analyzer does first: skip generated code, run concurrently, and do nothing at all in a
/// compilation that does not reference LiveTemplate.Typed.
/// </summary>
public abstract class LiveTemplateAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (LiveTemplateSymbols.TryCreate(start.Compilation) is { } symbols)
            {
                Initialize(start, symbols);
            }
        });
    }

    /// <summary>Registers the analyzer's actions for a compilation that references LiveTemplate.Typed.</summary>
    private protected abstract void Initialize(CompilationStartAnalysisContext context, LiveTemplateSymbols symbols);
}
