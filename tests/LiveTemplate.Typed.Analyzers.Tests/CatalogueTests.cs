using System.Globalization;
using System.Text.RegularExpressions;
using LiveTemplate.Typed.Analyzers.Tests.Infrastructure;
using LiveTemplate.Typed.CodeFixes;
using LiveTemplate.Typed.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LiveTemplate.Typed.Analyzers.Tests;

/// <summary>Every diagnostic id has one descriptor, a help link to its page, a complete page, a row in the index and a release entry.</summary>
public class CatalogueTests
{
    private static readonly string Docs = Path.Combine(Repository.Root, "docs", "diagnostics");

    public static TheoryData<string> Ids => [.. Descriptors().Select(d => d.Id)];

    private static readonly HashSet<string> Fixable = typeof(AddPartialCodeFix).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(CodeFixProvider)) && !t.IsAbstract)
        .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
        .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Ids_are_unique_and_numbered_by_origin()
    {
        var descriptors = Descriptors();
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
        Assert.All(descriptors, d => Assert.Matches("^LTT[01][0-9]{3}$", d.Id));
        Assert.All(Verify.Analyzers.Take(6).SelectMany(a => a.SupportedDiagnostics), d => Assert.StartsWith("LTT0", d.Id, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_descriptor_links_to_its_page_and_its_message_says_what_to_do(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        Assert.Equal(HelpLinks.For(id), descriptor.HelpLinkUri);
        Assert.EndsWith($"/docs/diagnostics/{id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.Contains(";", descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_page_has_its_title_severity_code_fix_and_every_section(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        var page = File.ReadAllText(Path.Combine(Docs, id + ".md"));
        var title = descriptor.Title.ToString(CultureInfo.InvariantCulture);

        Assert.StartsWith($"# {id}: {title}\n", page, StringComparison.Ordinal);
        Assert.Contains($"**Severity:** {descriptor.DefaultSeverity.ToString().ToLowerInvariant()} ·", page, StringComparison.Ordinal);
        Assert.Matches(Fixable.Contains(id) ? @"\*\*Code fix:\*\* yes" : @"\*\*Code fix:\*\* no", page);
        foreach (var section in new[] { "## What it means", "## Why", "## How to fix it", "## Code fix", "## How to suppress" })
        {
            Assert.Contains("\n" + section + "\n", page, StringComparison.Ordinal);
        }

        Assert.Contains("// Reported", page, StringComparison.Ordinal);
        Assert.Contains("// Fixed", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_index_lists_each_id_with_its_title_and_severity(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        var index = File.ReadAllText(Path.Combine(Docs, "README.md"));
        Assert.Contains($"| [{id}]({id}.md) | {descriptor.Title} | {descriptor.DefaultSeverity} |", index, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_belongs_to_a_descriptor()
    {
        var pages = Directory.GetFiles(Docs, "LTT*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(Descriptors().Select(d => d.Id).Order(StringComparer.Ordinal), pages);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_release_tracking_file_of_its_project_lists_each_id(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        var project = id.StartsWith("LTT0", StringComparison.Ordinal)
            ? Path.Combine("analyzers", "LiveTemplate.Typed.Analyzers")
            : Path.Combine("generators", "LiveTemplate.Typed.Generators");
        var releases = File.ReadAllText(Path.Combine(Repository.Root, project, "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(Repository.Root, project, "AnalyzerReleases.Shipped.md"));
        Assert.Matches(new Regex($@"^{id} \| {Regex.Escape(descriptor.Category)} \| {descriptor.DefaultSeverity} \|", RegexOptions.Multiline), releases);
    }

    // One descriptor may be reported by two analyzers (LTT1004: in source, and across references): it counts once;
    // two different descriptors of one id still count twice.
    private static List<DiagnosticDescriptor> Descriptors()
        => [.. Verify.Analyzers.SelectMany(a => a.SupportedDiagnostics).Distinct().OrderBy(d => d.Id, StringComparer.Ordinal)];
}
