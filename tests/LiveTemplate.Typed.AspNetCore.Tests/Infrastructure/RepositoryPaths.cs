namespace LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;

/// <summary>Folders of the repository the tests run from: the sample's content root, and where artifacts go.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The sample app's folder (its wwwroot and appsettings.json).</summary>
    public static string TeamBoard => Path.Combine(Root, "samples", "TeamBoard");

    /// <summary>tests/LiveTemplate.Typed.AspNetCore.Tests/TestResults/&lt;name&gt;, created; git ignores TestResults.</summary>
    public static string Artifacts(string name)
        => Directory.CreateDirectory(Path.Combine(Root, "tests", "LiveTemplate.Typed.AspNetCore.Tests", "TestResults", name)).FullName;

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LiveTemplate.Typed.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: LiveTemplate.Typed.sln not found above " + AppContext.BaseDirectory);
    }
}
