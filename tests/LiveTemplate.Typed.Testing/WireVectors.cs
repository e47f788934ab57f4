using Xunit;

namespace LiveTemplate.Typed.Testing;

/// <summary>The Go envelope vectors (a copy of the steering repository's shared/wire), as test data.</summary>
public static class WireVectors
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "wire-vectors");

    /// <summary>The raw bytes of one vector file, exactly as a Go instance puts them on the channel.</summary>
    public static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(Directory, file));

    /// <summary>The channel each vector travels on (channels.tsv), with the default prefix.</summary>
    public static IReadOnlyDictionary<string, string> Channels { get; } = ReadTable("channels.tsv").ToDictionary(r => r[0], r => r[1]);

    /// <summary>The rows of expected.tsv: file, kind, scope id, action, what the payload or data decodes to.</summary>
    public static IReadOnlyList<string[]> Expected { get; } = ReadTable("expected.tsv");

    /// <summary>Every vector file name, for theories.</summary>
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Channels.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    private static List<string[]> ReadTable(string name)
        => File.ReadAllLines(Path.Combine(Directory, name)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
}
