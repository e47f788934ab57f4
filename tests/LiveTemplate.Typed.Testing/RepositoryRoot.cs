namespace LiveTemplate.Typed.Testing;

/// <summary>The repository the tests and benchmarks run from: the folder with LiveTemplate.Typed.sln above their build output.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository's root folder.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "LiveTemplate.Typed.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Running outside the repository: LiveTemplate.Typed.sln not found above " + AppContext.BaseDirectory);
    }
}
