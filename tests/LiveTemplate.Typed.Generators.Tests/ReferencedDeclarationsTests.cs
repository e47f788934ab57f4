using System.Runtime.CompilerServices;
using LiveTemplate.Typed.Generators.Emitting;
using LiveTemplate.Typed.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>
/// The browser declarations of an app whose actions, and whose endpoint's configuration, live in libraries it
/// references: each library is compiled through the generator and emitted, the app compiled against the images.
/// </summary>
public class ReferencedDeclarationsTests
{
    // The records, in a library of their own.
    private const string Contracts = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using LiveTemplate.Typed;
        using LiveTemplate.Typed.Presence;

        namespace Contracts;

        public enum Column { Todo, Doing, [JsonStringEnumMemberName("done!")] Done }

        [GroupAction]
        public sealed partial record MoveCard(int CardId, Column Column);

        [GroupAction("card-moved")]
        public sealed partial record CardMoved(int CardId, Column Column, Person By, IReadOnlyList<string>? Tags);

        public sealed record Person([property: JsonPropertyName("id")] string Key, string? Nickname);

        [ServerAction]
        public sealed partial record Notice(string Text)
        {
            public required int Level { get; init; }

            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
            public string? Link { get; init; }
        }

        [PresenceMetadata]
        public sealed partial record Cursor(string Name, int? EditingCardId);

        [TopicAction(Topic = "rooms/{Room}")]
        public sealed partial record RoomMessage(string Room, string Text);
        """;

    // A library that configures the endpoint: it allows a contract and an action of its own, and sets the presence metadata.
    private const string Endpoint = """
        using LiveTemplate.Typed;
        using LiveTemplate.Typed.AspNetCore;

        namespace Boards.Live;

        [ServerAction]
        internal sealed partial record Ping(long At);

        public static class BoardEndpoint
        {
            public static LiveEndpointOptions Configure(LiveEndpointOptions options)
                => options.AllowFromBrowser<Contracts.MoveCard>().AllowFromBrowser<Ping>().UsePresence<Contracts.Cursor>();
        }
        """;

    // The app: an action whose type name is also a contract's, allowed by the app itself.
    private const string App = """
        using LiveTemplate.Typed;
        using LiveTemplate.Typed.AspNetCore;

        namespace App;

        [GroupAction("app-move-card")]
        public sealed partial record MoveCard(int CardId, string Reason);

        public static class Program
        {
            public static void Map(LiveEndpointOptions options) => Boards.Live.BoardEndpoint.Configure(options).AllowFromBrowser<MoveCard>();
        }
        """;

    private static readonly Lazy<MetadataReference[]> Libraries = new(() =>
    {
        var host = GeneratorHarness.CompileLibrary("LiveTemplate.Typed.AspNetCore", [], [BrowserDeclarations.EndpointOptions]);
        var contracts = GeneratorHarness.CompileLibrary("Contracts", [], [Contracts]);
        var endpoint = GeneratorHarness.CompileLibrary("Boards.Live", [host, contracts], [Endpoint]);
        return [host, contracts, endpoint];
    });

    [Fact]
    public Task App_with_actions_and_endpoint_configuration_in_referenced_libraries()
        => VerifyAsync(BrowserDeclarations.Generate(Libraries.Value, App));

    [Fact]
    public void Actions_of_a_referenced_library_are_server_actions_and_the_ones_its_endpoint_allows_are_browser_actions()
    {
        var typeScript = BrowserDeclarations.Generate(Libraries.Value, App);

        Assert.Contains(
            "export interface BrowserActions {\n  \"app-move-card\": App_MoveCard;\n  \"move-card\": Contracts_MoveCard;\n  \"ping\": Ping;\n}",
            typeScript,
            StringComparison.Ordinal);
        Assert.Contains(
            "export interface ServerActions {\n  \"app-move-card\": App_MoveCard;\n  \"card-moved\": CardMoved;\n  \"move-card\": Contracts_MoveCard;\n  \"notice\": Notice;\n  \"ping\": Ping;\n  \"room-message\": RoomMessage;\n}",
            typeScript,
            StringComparison.Ordinal);
        Assert.Contains("export type PresenceMetadata = Cursor;", typeScript, StringComparison.Ordinal);
    }

    [Fact]
    public void Referenced_declarations_are_modelled_as_the_same_declarations_in_source()
    {
        // Nullability, JsonPropertyName, JsonIgnore, required members, enum member names: read from metadata as from source.
        var fromSource = BrowserDeclarations.Generate(Contracts, Endpoint, App, BrowserDeclarations.EndpointOptions);

        Assert.Equal(fromSource, BrowserDeclarations.Generate(Libraries.Value, App));
    }

    [Fact]
    public void A_library_records_its_endpoint_uses_and_its_non_public_members_in_its_assembly_and_one_without_records_nothing()
    {
        var (withRecords, _) = GeneratorHarness.Run(
            Endpoint.Replace("Contracts.MoveCard", "Ping").Replace("Contracts.Cursor", "Ping").Replace("(long At);", "(long At) { [JsonInclude] internal int Hops { get; init; } }"),
            "global using System.Text.Json.Serialization;",
            BrowserDeclarations.EndpointOptions);
        var (without, _) = GeneratorHarness.Run(Contracts);

        Assert.Equal(
            "[assembly: global::System.Reflection.AssemblyMetadataAttribute(\"LiveTemplate.Typed.EndpointUse.AllowFromBrowser\", \"global::Boards.Live.Ping\")]\n"
            + "[assembly: global::System.Reflection.AssemblyMetadataAttribute(\"LiveTemplate.Typed.EndpointUse.UsePresence\", \"global::Boards.Live.Ping\")]\n"
            + "[assembly: global::System.Reflection.AssemblyMetadataAttribute(\"LiveTemplate.Typed.NonPublicMembers\", \"global::Boards.Live.Ping\")]\n",
            string.Concat(withRecords[AssemblyRecordsEmitter.HintName].Split('\n').Where(l => l.StartsWith("[assembly:", StringComparison.Ordinal)).Select(l => l + "\n")));
        Assert.DoesNotContain(AssemblyRecordsEmitter.HintName, without.Keys);
    }

    [Fact]
    public void Actions_of_a_library_built_without_the_generator_are_left_out()
    {
        var ungenerated = GeneratorHarness.CompileLibrary("Ungenerated", [], ["[LiveTemplate.Typed.ServerAction] public sealed partial record Orphan(int Id);"], generate: false);

        var typeScript = BrowserDeclarations.Generate([ungenerated], "[LiveTemplate.Typed.ServerAction] public sealed partial record Own(int Id);");

        Assert.Contains("export interface ServerActions {\n  \"own\": Own;\n}", typeScript, StringComparison.Ordinal);
        Assert.DoesNotContain("Orphan", typeScript, StringComparison.Ordinal);
    }

    [Fact]
    public void An_app_without_browser_declarations_generates_nothing_more_for_its_references()
    {
        var app = App.Replace("Boards.Live.BoardEndpoint.Configure(options)", "options", StringComparison.Ordinal);
        var alone = BrowserDeclarations.RunDriver(enabled: false, [Libraries.Value[0]], app).GetRunResult().Results.Single();
        var referencing = BrowserDeclarations.RunDriver(enabled: false, Libraries.Value, app).GetRunResult().Results.Single();

        Assert.Equal(alone.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())), referencing.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
        Assert.DoesNotContain(referencing.GeneratedSources, s => s.HintName == BrowserDeclarationsEmitter.HintName);
    }

    private static Task VerifyAsync(string typeScript, [CallerMemberName] string scenario = "", [CallerFilePath] string testFile = "")
        => TypeScriptSnapshot.VerifyAsync(typeScript, scenario, testFile);
}
