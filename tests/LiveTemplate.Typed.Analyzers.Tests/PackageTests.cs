using System.IO.Compression;
using LiveTemplate.Typed.Analyzers.Tests.Infrastructure;

namespace LiveTemplate.Typed.Analyzers.Tests;

/// <summary>
/// What a user gets from the one package: pack the solution into a temporary feed (every src/ library must come out
/// as a package with its README, license and symbols), reference only that package
/// from a throwaway console project (its own packages folder, so nothing is taken from or left in the machine's
/// cache), and build and run it: the generator makes the action typed, the handler gets it, and an unscoped global
/// publish prints LTT0001. Then the two hosted set-ups from packages alone: one instance with the host package and no
/// Redis client in its dependencies, and Redis with one more package and one call.
/// </summary>
public sealed class PackageTests : IDisposable
{
    // Bounds against a hang, not speed checks: a pack takes about two minutes on a quiet machine and over six on a
    // shared one at a load of 20 (seen), where the former 6-minute bound failed the test.
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(12);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("ltt-package-test-");

    public void Dispose()
    {
        try
        {
            _root.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held by an exiting process; the temporary folder is cleaned by the system later.
        }
    }

    [Fact]
    public async Task The_packed_package_alone_gives_a_console_app_typed_actions_dispatch_and_the_analyzers()
    {
        var repository = Repository.Root;
        var feed = Directory.CreateDirectory(Path.Combine(_root.FullName, "feed")).FullName;
        // A version no other feed has, so the package can only come from the one just packed.
        var version = $"0.0.1-packagetest.{DateTime.UtcNow:yyyyMMddHHmmss}";
        // The whole solution, as a release would: every project under src/ must come out as a package.
        await DotnetCli.RunAsync(
            repository,
            PackTimeout,
            null,
            "pack", "LiveTemplate.Typed.sln",
            "--configuration", "Release", "--output", feed,
            $"-p:Version={version}",
            // Its own output folders: the repository's bin/ and obj/ (in use by the other test projects) stay untouched.
            "-p:UseArtifactsOutput=true", $"-p:ArtifactsPath={Path.Combine(_root.FullName, "artifacts")}",
            "-p:UseSharedCompilation=false");
        AssertEveryLibraryIsPackaged(repository, feed, version);
        AssertRuntimePackageLayout(Path.Combine(feed, $"LiveTemplate.Typed.{version}.nupkg"));

        var app = Directory.CreateDirectory(Path.Combine(_root.FullName, "app")).FullName;
        WriteConsoleProject(app, feed, version);
        var isolated = new Dictionary<string, string> { ["NUGET_HTTP_CACHE_PATH"] = Path.Combine(_root.FullName, "http-cache") };

        var build = await DotnetCli.RunAsync(app, BuildTimeout, isolated, "build", "-p:UseSharedCompilation=false");
        Assert.DoesNotMatch(@"LTT\d{4}", build);
        Assert.True(Directory.Exists(Path.Combine(_root.FullName, "packages", "livetemplate.typed", version)), "the package was not restored into the isolated packages folder");

        var run = await DotnetCli.RunAsync(app, RunTimeout, isolated, "run", "--no-build");
        Assert.Contains("handled card-moved: card 17 to done", run);
        Assert.Contains("dispatch: Handled", run);

        File.WriteAllText(Path.Combine(app, "Announcer.cs"), """
            using LiveTemplate.Typed.PubSub;

            public static class Announcer
            {
                public static Task AnnounceAsync(IBroadcaster broadcaster) => broadcaster.PublishGlobalAsync("maintenance"u8.ToArray());
            }
            """);
        var warned = await DotnetCli.RunAsync(app, BuildTimeout, isolated, "build", "--no-restore", "-p:UseSharedCompilation=false");
        Assert.Matches(@"Announcer\.cs\(5,\d+\): warning LTT0001: 'PublishGlobalAsync' sends to every connection on every instance", warned);

        // A hosted app on one instance: the host package alone, and no Redis client anywhere in its dependencies.
        var single = WriteWebProject("single", version, ["LiveTemplate.Typed.AspNetCore"], "builder.Services.AddLiveTemplate();");
        var singleRun = await DotnetCli.RunAsync(single, BuildTimeout, isolated, "run", "-p:UseSharedCompilation=false");
        Assert.Contains("broadcaster: InMemoryBroadcaster", singleRun);
        Assert.DoesNotContain("stackexchange.redis", File.ReadAllText(Path.Combine(single, "obj", "project.assets.json")), StringComparison.OrdinalIgnoreCase);

        // The records and the endpoint's browser rules in a library the web app references: its declarations have them.
        var contracts = WriteContractsLibrary(version);
        var referencing = WriteWebProject("referencing", version, ["LiveTemplate.Typed.AspNetCore"], "builder.Services.AddLiveTemplate();", projectReference: contracts);
        var referencingBuild = await DotnetCli.RunAsync(referencing, BuildTimeout, isolated, "build", "-p:UseSharedCompilation=false");
        Assert.DoesNotMatch(@"LTT\d{4}", referencingBuild);
        var declarations = File.ReadAllText(Path.Combine(referencing, "wwwroot", "live-actions.d.ts"));
        Assert.Contains("export interface BrowserActions {\n  \"card-archived\": CardArchived;\n}", declarations, StringComparison.Ordinal);
        Assert.Contains("export interface ServerActions {\n  \"card-archived\": CardArchived;\n  \"card-moved\": CardMoved;\n}", declarations, StringComparison.Ordinal);
        Assert.Contains("export type PresenceMetadata = Cursor;", declarations, StringComparison.Ordinal);

        // Two instances over Redis: one more package reference and one call.
        var redis = WriteWebProject("redis", version, ["LiveTemplate.Typed.AspNetCore", "LiveTemplate.Typed.Redis"], "builder.Services.AddLiveTemplate().AddRedis(\"127.0.0.1:1,abortConnect=false,connectTimeout=100\");", "using LiveTemplate.Typed.Redis;");
        var redisRun = await DotnetCli.RunAsync(redis, BuildTimeout, isolated, "run", "-p:UseSharedCompilation=false");
        Assert.Contains("broadcaster: RedisBroadcaster", redisRun);
    }

    /// <summary>
    /// A web app that references <paramref name="packages"/> (and <paramref name="projectReference"/>), registers the SDK
    /// with <paramref name="register"/>, and prints which broadcaster it got.
    /// </summary>
    private string WriteWebProject(string name, string version, string[] packages, string register, string usings = "", string? projectReference = null)
    {
        var project = NewProjectFolder(name);
        var references = string.Join("\n", packages.Select(p => $"    <PackageReference Include=\"{p}\" Version=\"{version}\" />")
            .Concat(projectReference is null ? [] : [$"    <ProjectReference Include=\"{projectReference}\" />"]));
        File.WriteAllText(Path.Combine(project, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), $$"""
            using LiveTemplate.Typed.AspNetCore;
            using LiveTemplate.Typed.PubSub;
            {{usings}}

            var builder = WebApplication.CreateSlimBuilder(args);
            {{register}}
            await using var app = builder.Build();
            app.MapLiveTemplate<BoardHandler>("/live");
            var broadcaster = app.Services.GetRequiredService<IBroadcaster>();
            Console.WriteLine($"broadcaster: {broadcaster.GetType().Name}");

            public sealed partial class BoardHandler : LiveTemplate.Typed.IHandle<CardMoved>
            {
                public ValueTask HandleAsync(CardMoved action, LiveTemplate.Typed.ActionContext context) => ValueTask.CompletedTask;
            }

            [LiveTemplate.Typed.GroupAction]
            public sealed partial record CardMoved(int CardId, string Column);
            """);
        return project;
    }

    /// <summary>A folder for one more project, with the console app's NuGet.config (the packed feed).</summary>
    private string NewProjectFolder(string name)
    {
        var project = Directory.CreateDirectory(Path.Combine(_root.FullName, name)).FullName;
        File.Copy(Path.Combine(_root.FullName, "app", "NuGet.config"), Path.Combine(project, "NuGet.config"));
        return project;
    }

    /// <summary>A class library with an action and presence metadata, which configures an endpoint's browser rules; returns its project file.</summary>
    private string WriteContractsLibrary(string version)
    {
        var project = NewProjectFolder("contracts");
        File.WriteAllText(Path.Combine(project, "Contracts.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="LiveTemplate.Typed.AspNetCore" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Contracts.cs"), """
            using LiveTemplate.Typed;
            using LiveTemplate.Typed.AspNetCore;
            using LiveTemplate.Typed.Presence;

            [GroupAction]
            public sealed partial record CardArchived(int CardId);

            [PresenceMetadata]
            public sealed partial record Cursor(string Name);

            public static class BoardRules
            {
                public static LiveEndpointOptions Apply(LiveEndpointOptions options) => options.AllowFromBrowser<CardArchived>().UsePresence<Cursor>();
            }
            """);
        return Path.Combine(project, "Contracts.csproj");
    }

    /// <summary>Each src/ project packs with a README, the license expression and symbols, and our own dependencies pass analyzers on.</summary>
    private static void AssertEveryLibraryIsPackaged(string repository, string feed, string version)
    {
        var libraries = Directory.GetDirectories(Path.Combine(repository, "src")).Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".csproj"))).Select(Path.GetFileName).ToList();
        Assert.Contains("LiveTemplate.Typed", libraries);
        Assert.Contains("LiveTemplate.Typed.Redis", libraries);
        var packages = Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(libraries.Select(l => $"{l}.{version}.nupkg").Order(StringComparer.Ordinal), packages);
        foreach (var library in libraries)
        {
            var package = Path.Combine(feed, $"{library}.{version}.nupkg");
            Assert.True(File.Exists(Path.ChangeExtension(package, ".snupkg")), $"no symbol package for {library}");
            using var archive = ZipFile.OpenRead(package);
            Assert.Contains(archive.Entries, e => e.FullName == "README.md");
            Assert.Contains(archive.Entries, e => e.FullName == $"lib/net8.0/{library}.dll");
            Assert.Contains(archive.Entries, e => e.FullName == $"lib/net10.0/{library}.dll");
            var manifest = Manifest(archive);
            Assert.Contains("<license type=\"expression\">MIT</license>", manifest);
            Assert.Contains("<readme>README.md</readme>", manifest);
            Assert.DoesNotMatch("<dependency id=\"LiveTemplate\\.Typed[^\"]*\"[^>]*exclude=\"[^\"]*Analyzers", manifest);
        }
    }

    private static void AssertRuntimePackageLayout(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("analyzers/dotnet/cs/LiveTemplate.Typed.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/LiveTemplate.Typed.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/LiveTemplate.Typed.CodeFixes.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && (e.Contains("Generators", StringComparison.Ordinal) || e.Contains("Analyzers", StringComparison.Ordinal) || e.Contains("CodeFixes", StringComparison.Ordinal)));

        // The compiler extensions are content of the package, not dependencies of it.
        var manifest = Manifest(archive);
        Assert.DoesNotContain("LiveTemplate.Typed.Generators", manifest);
        Assert.DoesNotContain("LiveTemplate.Typed.Analyzers", manifest);
        Assert.DoesNotContain("LiveTemplate.Typed.CodeFixes", manifest);
        Assert.DoesNotContain("Microsoft.CodeAnalysis", manifest);
    }

    private static string Manifest(ZipArchive archive)
    {
        using var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        return nuspec.ReadToEnd();
    }

    private void WriteConsoleProject(string app, string feed, string version)
    {
        // No <clear/>: the machine's own feeds stay, for the package's dependencies.
        File.WriteAllText(Path.Combine(app, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(_root.FullName, "packages")}" />
              </config>
              <packageSources>
                <add key="packed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="LiveTemplate.Typed" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using LiveTemplate.Typed;
            using LiveTemplate.Typed.Actions;
            using LiveTemplate.Typed.Connections;
            using LiveTemplate.Typed.PubSub;

            var network = new InMemoryNetwork();
            await using var sender = new InMemoryBroadcaster(network);
            await using var receiver = new InMemoryBroadcaster(network);
            await using var registry = await ConnectionRegistry.AttachAsync(receiver);

            var board = new GroupId($"board-{Environment.ProcessId}");
            var connection = await registry.RegisterAsync("tab-1", board);
            await sender.BroadcastAsync(board, new CardMoved(17, "done"));

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var message = (GroupActionMessage)await connection.Outbound.ReadAsync(timeout.Token);
            var result = await new BoardHandler().DispatchAsync(message, connection, timeout.Token);
            Console.WriteLine($"dispatch: {result.Status}");

            [GroupAction]
            public sealed partial record CardMoved(int CardId, string Column);

            public sealed partial class BoardHandler : IHandle<CardMoved>
            {
                public ValueTask HandleAsync(CardMoved action, ActionContext context)
                {
                    Console.WriteLine($"handled {CardMoved.ActionName}: card {action.CardId} to {action.Column}");
                    return ValueTask.CompletedTask;
                }
            }
            """);
    }
}
