using System.Collections.Immutable;
using LiveTemplate.Typed.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LiveTemplate.Typed.Analyzers.Tests.Infrastructure;

/// <summary>
/// The generator as a project's analyzer reference, so the test workspace's compilations contain its output the way
/// an IDE's do: a code fix then sees the generated <c>IGroupAction&lt;T&gt;</c> and can check that its result compiles.
/// (The testing library's own generator support runs the generator beside the workspace, invisible to code fixes.)
/// One generator instance for every project: the workspace keys its state by instance.
/// </summary>
internal sealed class GeneratorReference : AnalyzerReference
{
    public static readonly GeneratorReference Instance = new();

    private static readonly ImmutableArray<ISourceGenerator> Generators = [new ActionGenerator().AsSourceGenerator()];

    public override string? FullPath => null;

    public override object Id => nameof(ActionGenerator);

    public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzersForAllLanguages() => [];

    public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzers(string language) => [];

    public override ImmutableArray<ISourceGenerator> GetGeneratorsForAllLanguages() => Generators;

    public override ImmutableArray<ISourceGenerator> GetGenerators(string language) => Generators;
}
