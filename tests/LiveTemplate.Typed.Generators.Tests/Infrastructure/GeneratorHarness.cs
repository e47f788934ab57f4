using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LiveTemplate.Typed.Generators.Tests.Infrastructure;

/// <summary>Compiles C# in memory against .NET 10 and the runtime, and runs the generator on it.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>No reference-assembly package (the feed here lacks them); the references come from <see cref="References"/>.</summary>
    public static readonly ReferenceAssemblies NoReferenceAssemblies = new("net10.0");

    public static ImmutableArray<MetadataReference> References { get; } =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(UserId).Assembly.Location),
    ];

    public static CSharpCompilation Compile(params string[] sources) => Compile("TestProject", [], sources);

    /// <summary>Compiles <paramref name="sources"/> as the assembly <paramref name="name"/>, with <paramref name="references"/> beside the usual ones.</summary>
    public static CSharpCompilation Compile(string name, IEnumerable<MetadataReference> references, params string[] sources)
        => CSharpCompilation.Create(
            name,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            References.Concat(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(bool trackSteps = false, AnalyzerConfigOptionsProvider? options = null)
        => CSharpGeneratorDriver.Create(
            [new ActionGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>
    /// Compiles a library through the generator, as its own build does, and returns its assembly as a reference for
    /// another compilation (an app that references the library). Without <paramref name="generate"/>, as a build that
    /// does not run the generator.
    /// </summary>
    public static MetadataReference CompileLibrary(string name, IEnumerable<MetadataReference> references, string[] sources, bool generate = true)
    {
        Compilation output = Compile(name, references, sources);
        if (generate)
        {
            CreateDriver().RunGeneratorsAndUpdateCompilation(output, out output, out var diagnostics);
            Assert.Empty(diagnostics);
        }

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>Runs the generator and returns its outputs by hint name, and the compilation with them added.</summary>
    public static (IReadOnlyDictionary<string, string> Sources, Compilation Output) Run(params string[] sources)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(Compile(sources), out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return (result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal), output);
    }
}
