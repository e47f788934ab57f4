namespace LiveTemplate.Typed.Generators.Tests.Infrastructure;

/// <summary>
/// Compares generated TypeScript with its checked-in file under Snapshots/TypeScript/ (LTT_UPDATE_SNAPSHOTS=1 rewrites it,
/// see README.md); the client's <c>npm run check:declarations</c> compiles every such file with <c>tsc --strict</c>.
/// </summary>
internal static class TypeScriptSnapshot
{
    public static async Task VerifyAsync(string actual, string scenario, string testFile)
    {
        var path = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots", "TypeScript", scenario + ".d.ts");
        if (Environment.GetEnvironmentVariable("LTT_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, actual);
        }

        Assert.True(File.Exists(path), $"No TypeScript snapshot for {scenario}: run the tests once with LTT_UPDATE_SNAPSHOTS=1 and review the new file.");
        Assert.True(await File.ReadAllTextAsync(path) == actual, $"Snapshots/TypeScript/{scenario}.d.ts differs from the generator's output; if the change is intended, run with LTT_UPDATE_SNAPSHOTS=1 and review the diff.");
    }
}
