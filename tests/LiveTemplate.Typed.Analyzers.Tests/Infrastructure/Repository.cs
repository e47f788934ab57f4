namespace LiveTemplate.Typed.Analyzers.Tests.Infrastructure;

/// <summary>The checkout the tests run from.</summary>
internal static class Repository
{
    /// <summary>The folder of LiveTemplate.Typed.sln, above the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LiveTemplate.Typed.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("LiveTemplate.Typed.sln not found above " + AppContext.BaseDirectory);
    }
}
