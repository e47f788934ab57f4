using System.Text;
using LiveTemplate.Typed.Generators.Tests.Fixtures;
using LiveTemplate.Typed.Generators.Tests.Infrastructure;
using LiveTemplate.Typed.Presence;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>[PresenceMetadata] records get the actions' JSON code through IPresenceMetadata, and nothing of an action.</summary>
public class PresenceMetadataTests
{
    [Fact]
    public void Presence_metadata_is_written_and_read_back_by_its_generated_code()
    {
        var json = PresenceMetadata.ToJson(new BoardPresence("Alice", "#e11d48", 17));

        Assert.Equal("""{"name":"Alice","color":"#e11d48","editingCardId":17}""", Encoding.UTF8.GetString(json));
        Assert.True(PresenceMetadata.TryRead<BoardPresence>(json, out var read, out _));
        Assert.Equal(new BoardPresence("Alice", "#e11d48", 17), read);
    }

    [Fact]
    public void Metadata_that_does_not_decode_is_refused_naming_the_member()
    {
        Assert.False(PresenceMetadata.TryRead<BoardPresence>(Encoding.UTF8.GetBytes("""{"name":"Alice","color":"red","editingCardId":"seventeen"}"""), out _, out var error));

        Assert.Contains("editingCardId", error.Message);
    }

    [Fact]
    public void Presence_metadata_has_its_own_file_and_no_action_members()
    {
        var (sources, output) = GeneratorHarness.Run(
            """
            using LiveTemplate.Typed.Presence;
            [PresenceMetadata] public sealed partial record Cursor(int X, int Y);
            """);

        Assert.Equal(["Cursor.Action.g.cs"], sources.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("ActionName", sources["Cursor.Action.g.cs"]);
        Assert.Contains("global::LiveTemplate.Typed.Presence.IPresenceMetadata<global::Cursor>", sources["Cursor.Action.g.cs"]);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }
}
