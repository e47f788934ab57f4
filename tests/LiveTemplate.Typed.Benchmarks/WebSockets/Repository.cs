namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>The repository the benchmark runs from (the folder with LiveTemplate.Typed.sln above the benchmark's build).</summary>
public static class Repository
{
    /// <summary>The repository's root folder.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "LiveTemplate.Typed.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("LiveTemplate.Typed.sln not found above " + AppContext.BaseDirectory);
    }
}
