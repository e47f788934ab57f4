using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;

/// <summary>Folders of the repository the tests run from: the sample's content root, and where artifacts go.</summary>
public static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    /// <summary>The sample app's folder (its wwwroot and appsettings.json).</summary>
    public static string TeamBoard => Path.Combine(Root, "samples", "TeamBoard");

    /// <summary>The browser client's source, which the host embeds and serves as it is.</summary>
    public static string BrowserClientSource => Path.Combine(Root, "clients", "browser", "src", "index.js");

    /// <summary>tests/LiveTemplate.Typed.AspNetCore.Tests/TestResults/&lt;name&gt;, created; git ignores TestResults.</summary>
    public static string Artifacts(string name)
        => Directory.CreateDirectory(Path.Combine(Root, "tests", "LiveTemplate.Typed.AspNetCore.Tests", "TestResults", name)).FullName;
}
