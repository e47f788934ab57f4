using System.Runtime.CompilerServices;
using System.Text;
using LiveTemplate.Typed.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>
/// The generator's output for representative inputs, compared with the checked-in files under Snapshots/. To
/// accept a deliberate change, run the tests with LTT_UPDATE_SNAPSHOTS=1 and review the diff (see README.md).
/// </summary>
public class SnapshotTests
{
    private const string UpdateVariable = "LTT_UPDATE_SNAPSHOTS";

    [Fact]
    public Task Server_action_in_a_namespace()
        => VerifyAsync(
            """
            using System;
            using LiveTemplate.Typed;

            namespace Shop;

            [ServerAction("cart-updated")]
            public sealed partial record CartUpdated(Guid CartId, int Items, decimal Total, string? Note);
            """);

    [Fact]
    public Task Group_action_with_nested_payload()
        => VerifyAsync(
            """
            using System.Collections.Generic;
            using LiveTemplate.Typed;

            namespace Boards;

            [GroupAction]
            public sealed partial record CardMoved(int CardId, string Column, IReadOnlyList<string> Tags, Person MovedBy);

            public sealed record Person(string Id, string Name);
            """);

    [Fact]
    public Task Every_supported_type()
        => VerifyAsync(
            """
            using System;
            using System.Collections.Generic;
            using LiveTemplate.Typed;

            namespace Kitchen;

            public enum Level : short { Low = -1, High = 1, Top = High }

            public readonly record struct Point(double X, double Y);

            public sealed class Tag
            {
                public string Name { get; init; } = "";
                public Tag? Parent { get; set; }
            }

            [ServerAction]
            public sealed partial record EverythingChanged(
                bool Flag, byte Byte, sbyte SByte, short Int16, ushort UInt16, int Int32, uint UInt32, long Int64, ulong UInt64,
                float Single, double Double, decimal Decimal, char Char, string Text, Guid Id,
                DateTime At, DateTimeOffset AtOffset, TimeSpan Duration, DateOnly Day, TimeOnly Time,
                Level Level, Level? MaybeLevel, byte[] Blob, int? MaybeNumber, string? MaybeText,
                int[] Numbers, List<string> Names, IReadOnlyList<Point> Points, IReadOnlyCollection<Guid> Ids, IEnumerable<long> Longs,
                Dictionary<string, int> Counts, IReadOnlyDictionary<string, List<Tag?>> Tags, List<List<int>> Matrix);
            """);

    [Fact]
    public Task Custom_names_defaults_and_keywords()
        => VerifyAsync(
            """
            using System.Text.Json.Serialization;
            using LiveTemplate.Typed;

            namespace Profiles;

            [ServerAction("profile:renamed")]
            public sealed partial record ProfileRenamed(
                [property: JsonPropertyName("display_name")] string DisplayName,
                int @class,
                string Reason = "user \"asked\"",
                int Version = 1,
                bool Notify = true,
                string? Comment = null);

            [GroupAction]
            public sealed partial record HTMLExported;
            """);

    [Fact]
    public Task Handlers_for_several_actions_in_namespaces_and_generic_containers()
        => VerifyAsync(
            """
            using System.Threading.Tasks;
            using LiveTemplate.Typed;

            namespace Boards
            {
                [GroupAction]
                public sealed partial record CardMoved(int CardId);

                [ServerAction]
                public sealed partial record CartUpdated(int Items);

                public sealed partial class BoardHandler : IHandle<CardMoved>, IHandle<CartUpdated>
                {
                    public ValueTask HandleAsync(CardMoved action, ActionContext context) => default;
                    public ValueTask HandleAsync(CartUpdated action, ActionContext context) => default;
                }

                public partial class Module<TState>
                {
                    internal sealed partial class Inner : LiveTemplate.Typed.IHandle<CardMoved>
                    {
                        ValueTask IHandle<CardMoved>.HandleAsync(CardMoved action, ActionContext context) => default;
                    }
                }
            }

            public partial struct GlobalHandler : IHandle<Boards.CartUpdated>
            {
                public ValueTask HandleAsync(Boards.CartUpdated action, ActionContext context) => default;
            }
            """);

    [Fact]
    public Task Actions_nested_in_types_and_in_the_global_namespace()
        => VerifyAsync(
            """
            using LiveTemplate.Typed;

            [GroupAction]
            public partial record struct Ticked(long Count);

            namespace Games
            {
                public static partial class Chess
                {
                    public partial record Events
                    {
                        [ServerAction]
                        public sealed partial record MoveMade(string From, string To);
                    }
                }
            }
            """);

    private static async Task VerifyAsync(string source, [CallerMemberName] string scenario = "", [CallerFilePath] string testFile = "")
    {
        var (actual, _) = GeneratorHarness.Run(source);
        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots", scenario);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            foreach (var (hint, text) in actual)
            {
                await File.WriteAllTextAsync(Path.Combine(folder, hint), text);
            }
        }

        Assert.True(Directory.Exists(folder), $"No snapshot for {scenario}: run the tests once with {UpdateVariable}=1 and review the new files.");
        var expected = Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (hint, text) in expected)
        {
            Assert.True(text == actual[hint], $"{scenario}/{hint} differs from the generator's output; if the change is intended, run with {UpdateVariable}=1 and review the diff.");
        }

        // The testing library compiles sources and expected output together: the generated code must build with
        // no error and no warning, exactly as checked in.
        var test = new CSharpSourceGeneratorTest<ActionGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = GeneratorHarness.NoReferenceAssemblies,
            TestCode = source,
        };
        test.TestState.AdditionalReferences.AddRange(GeneratorHarness.References);
        foreach (var (hint, text) in expected.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            test.TestState.GeneratedSources.Add((typeof(ActionGenerator), hint, SourceText.From(text, Encoding.UTF8)));
        }

        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            return solution
                .WithProjectCompilationOptions(projectId, ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable))
                .WithProjectParseOptions(projectId, GeneratorHarness.ParseOptions);
        });
        await test.RunAsync();
    }
}
