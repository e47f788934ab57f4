using System.Runtime.CompilerServices;
using LiveTemplate.Typed.Generators.Emitting;
using LiveTemplate.Typed.Generators.Tests.Infrastructure;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>
/// The browser declarations (TypeScript) the generator writes for the snapshot fixtures, compared with the checked-in
/// files under Snapshots/TypeScript/ (LTT_UPDATE_SNAPSHOTS=1 rewrites them, see README.md). The client's test command
/// (clients/browser, <c>npm run check:declarations</c>) compiles every one of those files with <c>tsc --strict</c>.
/// </summary>
public class TypeScriptSnapshotTests
{
    [Fact]
    public Task Server_action_in_a_namespace() => VerifyAsync(SnapshotSources.Server_action_in_a_namespace);

    [Fact]
    public Task Group_action_with_nested_payload() => VerifyAsync(SnapshotSources.Group_action_with_nested_payload);

    [Fact]
    public Task Every_supported_type() => VerifyAsync(SnapshotSources.Every_supported_type);

    [Fact]
    public Task Custom_names_defaults_and_keywords() => VerifyAsync(SnapshotSources.Custom_names_defaults_and_keywords);

    [Fact]
    public Task Handlers_for_several_actions_in_namespaces_and_generic_containers() => VerifyAsync(SnapshotSources.Handlers_for_several_actions_in_namespaces_and_generic_containers);

    [Fact]
    public Task Actions_nested_in_types_and_in_the_global_namespace() => VerifyAsync(SnapshotSources.Actions_nested_in_types_and_in_the_global_namespace);

    [Fact]
    public Task Endpoint_with_browser_actions_presence_and_shared_names()
        => VerifyAsync(
            """
            using System.Text.Json.Serialization;
            using LiveTemplate.Typed;
            using LiveTemplate.Typed.AspNetCore;
            using LiveTemplate.Typed.Presence;

            namespace Boards
            {
                public enum Column { Todo, Doing, [JsonStringEnumMemberName("done!")] Done }

                [GroupAction]
                public sealed partial record MoveCard(int CardId, Column Column);

                [GroupAction]
                public sealed partial record CardMoved(int CardId, Column Column, Shop.Person By, Person? Watcher);

                public sealed record Person(string Name);

                [PresenceMetadata]
                public sealed partial record Cursor(string Name, int? EditingCardId);

                public static class Endpoint
                {
                    public static void Map(System.Action<LiveEndpointOptions> configure) => configure(new LiveEndpointOptions());

                    public static void Configure() => Map(options => { options.AllowFromBrowser<MoveCard>().UsePresence<Cursor>(); });
                }
            }

            namespace Shop
            {
                public sealed record Person([property: JsonPropertyName("id")] string Key);
            }
            """ + BrowserDeclarations.EndpointOptions);

    [Fact]
    public Task Updates_as_System_Text_Json_writes_them() => VerifyAsync(SnapshotSources.Updates_as_System_Text_Json_writes_them + HostDeclarations.LiveConnection);

    [Fact]
    public void Declarations_are_not_generated_unless_the_build_turns_them_on()
    {
        var result = BrowserDeclarations.RunDriver(enabled: false, SnapshotSources.Server_action_in_a_namespace).GetRunResult().Results.Single();
        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName == BrowserDeclarationsEmitter.HintName);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "Shop.CartUpdated.Action.g.cs");
    }

    [Fact]
    public void A_call_named_AllowFromBrowser_on_another_type_allows_nothing()
    {
        var typeScript = BrowserDeclarations.Generate(
            """
            using LiveTemplate.Typed;

            [GroupAction]
            public sealed partial record MoveCard(int CardId);

            public sealed class Lookalike { public Lookalike AllowFromBrowser<T>() => this; }

            public static class Endpoint { public static void Configure() => new Lookalike().AllowFromBrowser<MoveCard>(); }
            """);
        Assert.Contains("export interface BrowserActions {\n}", typeScript, StringComparison.Ordinal);
        Assert.Contains("export interface ServerActions {\n  \"move-card\": MoveCard;\n}", typeScript, StringComparison.Ordinal);
    }

    private static Task VerifyAsync(string source, [CallerMemberName] string scenario = "", [CallerFilePath] string testFile = "")
        => TypeScriptSnapshot.VerifyAsync(BrowserDeclarations.Generate(source), scenario, testFile);
}
