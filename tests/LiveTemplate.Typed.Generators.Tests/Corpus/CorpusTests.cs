namespace LiveTemplate.Typed.Generators.Tests.Corpus;

/// <summary>
/// The generator's contract over a generated corpus of declarations: each either compiles with the generated code,
/// which gives no diagnostic, and round-trips its samples exactly, writing them as System.Text.Json does but where
/// docs/actions.md says otherwise (and reads given data as expected), or is refused by
/// exactly the expected LTT diagnostic on the user's own span. The cases compile in a few Roslyn compilations.
/// </summary>
public class CorpusTests
{
    private const int BatchSize = 170;

    [Fact]
    public async Task Every_declaration_round_trips_or_is_refused_on_its_own_line()
    {
        var cases = CorpusCases.All.Select((c, i) => (Index: i, Case: c)).ToList();
        var batches = cases.Chunk(BatchSize).ToList();

        // The batches are independent compilations: they run side by side.
        var failures = (await Task.WhenAll(batches.Select(b => Task.Run(() => CorpusBatch.RunAsync(b))))).SelectMany(f => f).ToList();

        Assert.True(failures.Count == 0, $"{failures.Count} failures in {cases.Count} cases:\n{string.Join("\n", failures.Take(60))}");
    }

    [Fact]
    public void The_corpus_has_hundreds_of_cases_of_both_outcomes_and_every_new_diagnostic()
    {
        var cases = CorpusCases.All;

        Assert.True(cases.Count >= 450, $"{cases.Count} cases");
        Assert.True(cases.Count(c => c.Refusal is null) >= 350);
        foreach (var id in new[] { "LTT1005", "LTT1009", "LTT1011", "LTT1012", "LTT1013", "LTT1014", "LTT1015", "LTT1016" })
        {
            Assert.Contains(cases, c => c.Refusal == id);
        }

        Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct().Count());
    }
}
