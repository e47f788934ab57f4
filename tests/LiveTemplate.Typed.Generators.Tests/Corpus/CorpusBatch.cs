using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using LiveTemplate.Typed.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LiveTemplate.Typed.Generators.Tests.Corpus;

/// <summary>
/// Compiles a batch of corpus cases as one project with the real generator and analyzer, emits it to memory, loads it
/// in a collectible context and runs each case's probe: every way a case can fail the contract is a line of the result.
/// </summary>
internal static class CorpusBatch
{
    private const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Text.Json.Serialization;\nusing System.Threading.Tasks;\nusing LiveTemplate.Typed;\n";

    // All warnings, documentation comments checked: generated code must give no diagnostic at all.
    private static readonly CSharpParseOptions ParseOptions = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);

    private static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999);

    /// <summary>Runs the cases (index and case) and returns what went wrong, one line per failure.</summary>
    public static Task<List<string>> RunAsync(IReadOnlyList<(int Index, CorpusCase Case)> cases)
    {
        var failures = new List<string>();
        var expected = new Dictionary<int, TextSpan?>();
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(Harness, ParseOptions, path: "Harness.cs") };
        foreach (var (index, corpusCase) in cases)
        {
            var (source, span) = CaseFile(index, corpusCase);
            expected[index] = span;
            trees.Add(CSharpSyntaxTree.ParseText(source, ParseOptions, path: FileOf(index)));
        }

        var compilation = CSharpCompilation.Create("Corpus" + cases[0].Index.ToString(CultureInfo.InvariantCulture), trees, GeneratorHarness.References, Options);
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        failures.AddRange(generatorDiagnostics.Select(d => $"generator: {d}"));
        var analyzerDiagnostics = AnalyzerDiagnostics(output, trees.Skip(1));
        var generated = output.SyntaxTrees.Except(compilation.SyntaxTrees).ToList();

        // One emit compiles everything once and reports every compiler diagnostic, warnings included.
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        var compilerDiagnostics = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        foreach (var (index, corpusCase) in cases)
        {
            var lines = CheckDiagnostics(index, corpusCase, expected[index], analyzerDiagnostics, compilerDiagnostics, generated);
            failures.AddRange(lines.Select(l => $"{Label(index, corpusCase)}: {l}"));
        }

        var markers = cases.Select(c => Marker(c.Index)).ToList();
        failures.AddRange(compilerDiagnostics
            .Where(d => d.Location.SourceTree is not { } tree || (generated.Contains(tree) && !markers.Any(m => tree.FilePath.Contains(m, StringComparison.Ordinal))))
            .Select(d => $"generated code of no case (the catalogue): {d}"));
        if (!emitted.Success)
        {
            failures.Add($"the batch does not compile: {string.Join(" | ", compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10))}");
            return Task.FromResult(failures);
        }

        RunProbes(cases, image, failures);
        return Task.FromResult(failures);
    }

    /// <summary>
    /// What the analyzer reports for the types the cases declare: its checks run on each of them, as its symbol action
    /// runs them (LiveTemplate.Typed.Generators.Tests.DiagnosticTests run the analyzer itself). Going through the analyzer
    /// driver would compile every method body a second time.
    /// </summary>
    private static List<Diagnostic> AnalyzerDiagnostics(Compilation output, IEnumerable<SyntaxTree> trees)
    {
        var payload = new Parsing.PayloadContext(output);
        var types = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in trees)
        {
            var model = output.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is INamedTypeSymbol type)
                {
                    types.Add(type);
                }
            }
        }

        return types.SelectMany(t => Diagnostics.DeclarationDiagnostics.Of(t, payload, CancellationToken.None, out _)).Select(d => d.Diagnostic).ToList();
    }

    private static IEnumerable<string> CheckDiagnostics(int index, CorpusCase corpusCase, TextSpan? span, IEnumerable<Diagnostic> analyzer, IEnumerable<Diagnostic> compiler, List<SyntaxTree> generated)
    {
        var file = FileOf(index);
        var marker = Marker(index);
        var own = analyzer.Where(d => d.Location.SourceTree?.FilePath == file).ToList();
        var files = generated.Where(t => t.FilePath.Contains(marker, StringComparison.Ordinal)).ToList();
        foreach (var diagnostic in compiler.Where(d => d.Location.SourceTree is { } tree && files.Contains(tree)))
        {
            yield return $"generated code has {diagnostic}";
        }

        if (corpusCase.Refusal is null)
        {
            foreach (var diagnostic in own)
            {
                yield return $"unexpected {diagnostic}";
            }

            if (!files.Any(f => f.FilePath.EndsWith(".Action.g.cs", StringComparison.Ordinal)))
            {
                yield return "no code was generated for it";
            }

            yield break;
        }

        if (own.Count != 1 || own[0].Id != corpusCase.Refusal || own[0].Location.SourceSpan != span)
        {
            yield return $"expected exactly {corpusCase.Refusal} at {span}, got [{string.Join(" | ", own.Select(d => $"{d} at {d.Location.SourceSpan}"))}]";
        }

        if (files.Any(f => f.FilePath.EndsWith(".Action.g.cs", StringComparison.Ordinal)))
        {
            yield return "code was generated for a refused declaration";
        }
    }

    private static void RunProbes(IReadOnlyList<(int Index, CorpusCase Case)> cases, MemoryStream image, List<string> failures)
    {
        image.Position = 0;
        var context = new AssemblyLoadContext("corpus", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(image);
            foreach (var (index, corpusCase) in cases.Where(c => c.Case.Refusal is null))
            {
                var probe = assembly.GetType($"Corpus.{Marker(index)}.Probe", throwOnError: true)!;
                failures.AddRange(CorpusProbe.Check(corpusCase, probe).Select(l => $"{Label(index, corpusCase)}: {l}"));
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private static (string Source, TextSpan? Span) CaseFile(int index, CorpusCase corpusCase)
    {
        var number = index.ToString(CultureInfo.InvariantCulture);
        var declarations = corpusCase.Declarations
            .Replace("NAMESUFFIX", Marker(index), StringComparison.Ordinal)
            .Replace("NAMEB", $"\"corpus-{number}-b\"", StringComparison.Ordinal)
            .Replace("NAME", $"\"corpus-{number}\"", StringComparison.Ordinal);
        var global = declarations.StartsWith("GLOBAL ", StringComparison.Ordinal);
        if (global)
        {
            declarations = declarations["GLOBAL ".Length..];
        }

        var action = corpusCase.Action.Replace("NAMESUFFIX", Marker(index), StringComparison.Ordinal);
        var samples = string.Join(", ", corpusCase.Samples.Select(s => $"global::Corpus.Harness.RoundTrip<{action}>({s.Replace("NAMESUFFIX", Marker(index), StringComparison.Ordinal)})"));
        var probe = corpusCase.Refusal is not null ? string.Empty : $$"""

                // An obsolete context, so the probe may name obsolete members, those marked error: true included.
                [Obsolete]
                public static class Probe
                {
                    public static object?[][] RoundTrips() => new object?[][] { {{samples}} };

                    public static string Read(string json) => global::Corpus.Harness.Read<{{action}}>(json);
                }
            """;
        var body = global ? probe : declarations + "\n" + probe;
        var prefix = corpusCase.Preamble + "\n" + Usings + (global ? declarations + "\n" : string.Empty) + $"namespace Corpus.{Marker(index)}\n{{\n";
        var text = prefix + body + "\n}\n";
        var start = text.IndexOf("[|", StringComparison.Ordinal);
        if (start < 0)
        {
            return (text, null);
        }

        var end = text.IndexOf("|]", start, StringComparison.Ordinal) - 2;
        return (text.Replace("[|", string.Empty, StringComparison.Ordinal).Replace("|]", string.Empty, StringComparison.Ordinal), TextSpan.FromBounds(start, end));
    }

    private static string FileOf(int index) => $"Case{index:D4}.cs";

    /// <summary>The case's namespace (<c>Corpus.C0042</c>) and what its generated files' names contain.</summary>
    private static string Marker(int index) => "C" + index.ToString("D4", CultureInfo.InvariantCulture);

    private static string Label(int index, CorpusCase corpusCase) => $"{Marker(index)} ({corpusCase.Name})";

    /// <summary>The generic helpers each probe calls: the write, read and write again of a sample (and System.Text.Json's write of it), and the read of given data.</summary>
    private const string Harness = """
        namespace Corpus
        {
            using System.Text;
            using LiveTemplate.Typed.Actions;

            public static class Harness
            {
                public static object?[] RoundTrip<T>(T sample)
                    where T : IAction<T>
                {
                    var json = Encoding.UTF8.GetString(ActionJson.SerializeToUtf8Bytes(sample));
                    if (!ActionJson.TryRead<T>(Encoding.UTF8.GetBytes(json), out var back, out var error))
                    {
                        return new object?[] { sample, null, json, "reading it back failed: " + error.Message, Stj(sample) };
                    }

                    var again = Encoding.UTF8.GetString(ActionJson.SerializeToUtf8Bytes(back));
                    return new object?[] { sample, back, json, again == json ? null : "written again as " + again, Stj(sample) };
                }

                // System.Text.Json as docs/actions.md compares typed actions with it: camelCase, enums by name.
                private static readonly System.Text.Json.JsonSerializerOptions StjOptions = new()
                {
                    PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
                    Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
                    TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
                };

                /// <summary>What System.Text.Json writes for the sample, or what it threw.</summary>
                private static string Stj<T>(T sample)
                {
                    try
                    {
                        return System.Text.Json.JsonSerializer.Serialize(sample, StjOptions);
                    }
                    catch (System.Exception ex)
                    {
                        return "(System.Text.Json threw " + ex.GetType().Name + ": " + ex.Message + ")";
                    }
                }

                public static string Read<T>(string json)
                    where T : IAction<T>
                {
                    if (!ActionJson.TryRead<T>(Encoding.UTF8.GetBytes(json), out var value, out var error))
                    {
                        return "error " + error.Path + ": " + error.Reason;
                    }

                    try
                    {
                        return "ok " + Encoding.UTF8.GetString(ActionJson.SerializeToUtf8Bytes(value));
                    }
                    catch (System.ArgumentException ex)
                    {
                        // A value read that JSON cannot hold (a NaN default): read, but not written again.
                        return "ok, not writable: " + ex.Message;
                    }
                }
            }
        }
        """;
}
