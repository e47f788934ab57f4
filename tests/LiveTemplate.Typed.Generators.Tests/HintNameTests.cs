using LiveTemplate.Typed.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>
/// Generated file names stay unique when the names of two types differ only in case or in a generic arity: Roslyn
/// compares hint names ignoring case, and a name given twice made the generator fail (CS8785) and generate nothing at all.
/// </summary>
public class HintNameTests
{
    private const string Twins = """
        using System.Threading.Tasks;
        using LiveTemplate.Typed;

        namespace Shop.Api
        {
            [ServerAction("api-moved")] public sealed partial record Moved(int X);
            [ServerAction("api-moved-lower")] public sealed partial record moved(int X);
        }

        namespace Shop.API
        {
            [ServerAction("upper-api-moved")] public sealed partial record Moved(string Y);

            public partial class Handler<T> : IHandle<Moved>
            {
                public ValueTask HandleAsync(Moved action, ActionContext context) => default;
            }

            public partial class Handler_1 : IHandle<Moved>, IHandle<Shop.Api.moved>
            {
                public ValueTask HandleAsync(Moved action, ActionContext context) => default;

                public ValueTask HandleAsync(Shop.Api.moved action, ActionContext context) => default;
            }
        }

        namespace Shop
        {
            [GroupAction] public sealed partial record Unique(int X);
        }
        """;

    [Fact]
    public void Types_whose_names_differ_only_in_case_or_arity_all_get_their_code()
    {
        var (sources, output) = GeneratorHarness.Run(Twins);

        Assert.Equal(sources.Count, sources.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(4, sources.Keys.Count(k => k.EndsWith(".Action.g.cs", StringComparison.Ordinal)));
        Assert.Equal(2, sources.Keys.Count(k => k.EndsWith(".Dispatcher.g.cs", StringComparison.Ordinal)));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_type_without_a_twin_keeps_its_plain_file_name()
    {
        var (sources, _) = GeneratorHarness.Run(Twins);

        Assert.Contains("Shop.Unique.Action.g.cs", sources.Keys);
        Assert.DoesNotContain("Shop.Api.Moved.Action.g.cs", sources.Keys);
        Assert.Single(sources.Keys, k => k.StartsWith("Shop.Api.Moved-", StringComparison.Ordinal));
    }

    [Fact]
    public void A_twin_file_name_is_the_same_in_every_build()
    {
        var first = GeneratorHarness.Run(Twins).Sources.Keys.Order(StringComparer.Ordinal);
        var second = GeneratorHarness.Run(Twins).Sources.Keys.Order(StringComparer.Ordinal);

        Assert.Equal(first, second);
    }
}
