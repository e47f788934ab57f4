using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using LiveTemplate.Typed.Analyzers;
using LiveTemplate.Typed.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LiveTemplate.Typed.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs every LiveTemplate.Typed analyzer (LTT0xxx and the generator's LTT1xxx) with the generator, as a user's build
/// does, so a test states every diagnostic its code gets: markup <c>{|LTT0001:text|}</c> expects one there, and
/// anything unmarked that is reported fails the test.
/// </summary>
internal static class Verify
{
    /// <summary>The usings most test sources start with.</summary>
    public const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using LiveTemplate.Typed;
        using LiveTemplate.Typed.PubSub;


        """;

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
    [
        new UnscopedBroadcastAnalyzer(),
        new RawActionPublishAnalyzer(),
        new ScopeIdAnalyzer(),
        new FeedbackLoopAnalyzer(),
        new UnobservedTaskAnalyzer(),
        new TopicConstantAnalyzer(),
        new ActionDeclarationAnalyzer(),
        new ReferencedDeclarationAnalyzer(),
    ];

    public static ImmutableArray<MetadataReference> References { get; } =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(UserId).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
    ];

    /// <summary>
    /// LiveTemplate.Typed.AspNetCore (<c>LiveConnection</c>), for tests that use it: its public members only need types of
    /// the runtime and of .NET, which <see cref="References"/> has.
    /// </summary>
    public static ImmutableArray<MetadataReference> AspNetCore { get; } =
    [
        MetadataReference.CreateFromFile(typeof(LiveTemplate.Typed.AspNetCore.LiveConnection).Assembly.Location),
    ];

    /// <summary>Analyzes <paramref name="source"/> (after <see cref="Usings"/>) and expects exactly the marked diagnostics and <paramref name="expected"/>.</summary>
    public static Task AnalyzersAsync(string source, params DiagnosticResult[] expected)
        => AnalyzersAsync(source, [], expected);

    /// <summary>As <see cref="AnalyzersAsync(string, DiagnosticResult[])"/> for a program of top-level statements.</summary>
    public static async Task ProgramAsync(string source)
    {
        var test = new AnalyzerTest { TestCode = Usings + source };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    /// <summary>As <see cref="AnalyzersAsync(string, DiagnosticResult[])"/>, with more assemblies referenced (a contracts library).</summary>
    public static async Task AnalyzersAsync(string source, IEnumerable<MetadataReference> references, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { TestCode = Usings + source };
        test.TestState.AdditionalReferences.AddRange(references);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    /// <summary>
    /// Applies <typeparamref name="TFix"/> (its code action number <paramref name="actionIndex"/>) to
    /// <paramref name="source"/> until no diagnostic it fixes is left, and requires <paramref name="fixedSource"/>: compiled,
    /// generator run, with no diagnostic of any LiveTemplate.Typed analyzer. <see cref="Usings"/> precede both unless
    /// <paramref name="withUsings"/> is false.
    /// </summary>
    public static async Task CodeFixAsync<TFix>(string source, string fixedSource, int actionIndex = 0, bool withUsings = true, IEnumerable<MetadataReference>? references = null)
        where TFix : CodeFixProvider, new()
    {
        var prefix = withUsings ? Usings : string.Empty;
        var test = new CodeFixTest<TFix>
        {
            TestCode = prefix + source,
            FixedCode = prefix + fixedSource,
            CodeActionIndex = actionIndex,
        };
        test.TestState.AdditionalReferences.AddRange(references ?? []);
        await test.RunAsync();
    }

    /// <summary>
    /// As <see cref="CodeFixAsync{TFix}"/>, and requires that one Fix All (in the document, the project and the solution)
    /// fixes every marked diagnostic at once, as an IDE's "Fix all occurrences" does.
    /// </summary>
    public static async Task FixAllAsync<TFix>(string source, string fixedSource, int actionIndex = 0, bool withUsings = true)
        where TFix : CodeFixProvider, new()
    {
        var prefix = withUsings ? Usings : string.Empty;
        var test = new CodeFixTest<TFix>
        {
            TestCode = prefix + source,
            FixedCode = prefix + fixedSource,
            BatchFixedCode = prefix + fixedSource,
            CodeActionIndex = actionIndex,
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 1,
        };
        await test.RunAsync();
    }

    /// <summary>Requires that <typeparamref name="TFix"/> offers nothing for the marked diagnostics of <paramref name="source"/>.</summary>
    public static async Task NoCodeFixAsync<TFix>(string source, IEnumerable<MetadataReference>? references = null, bool program = false)
        where TFix : CodeFixProvider, new()
    {
        var test = new CodeFixTest<TFix> { TestCode = Usings + source, FixedCode = Usings + source };
        if (program)
        {
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        }

        test.TestState.AdditionalReferences.AddRange(references ?? []);
        await test.RunAsync();
    }

    /// <summary>A diagnostic at markup location <c>{|#n:...|}</c>, with the descriptor's default severity.</summary>
    public static DiagnosticResult Diagnostic(string id, int location = 0)
    {
        var descriptor = Analyzers.SelectMany(a => a.SupportedDiagnostics).First(d => d.Id == id);
        return new DiagnosticResult(descriptor).WithLocation(location);
    }

    private static void Configure<TVerifier>(AnalyzerTest<TVerifier> test)
        where TVerifier : IVerifier, new()
    {
        // No reference-assembly package (the feed here lacks them): .NET 10 comes from Basic.Reference.Assemblies.
        test.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        test.TestState.AdditionalReferences.AddRange(References);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var options = (CSharpCompilationOptions)project.CompilationOptions!;
            return solution
                .AddAnalyzerReference(projectId, GeneratorReference.Instance)
                .WithProjectCompilationOptions(projectId, options.WithNullableContextOptions(NullableContextOptions.Enable))
                .WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest));
        });
    }

    private sealed class AnalyzerTest : CSharpAnalyzerTest<UnscopedBroadcastAnalyzer, DefaultVerifier>
    {
        public AnalyzerTest() => Configure(this);

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Analyzers;
    }

    private sealed class CodeFixTest<TFix> : CSharpCodeFixTest<UnscopedBroadcastAnalyzer, TFix, DefaultVerifier>
        where TFix : CodeFixProvider, new()
    {
        public CodeFixTest() => Configure(this);

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Analyzers;
    }
}
