using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace LiveTemplate.Typed.AspNetCore.Client;

/// <summary>
/// The browser client's source (clients/browser/src/index.js, embedded in this assembly) as the endpoint serves it:
/// the bytes, the same bytes gzipped once (the source is unminified, and gzip takes it to about a third), and an
/// entity tag of the content, so a browser's revalidation of its cached copy costs a 304 and no body.
/// </summary>
internal sealed class BrowserClientScript
{
    private const string ResourceName = "LiveTemplate.Typed.AspNetCore.Client.client.js";

    private BrowserClientScript(byte[] source)
    {
        Source = source;
        Gzipped = Gzip(source);
        // Weak: the identity and the gzip representation are the same script, so either revalidates either.
        ETag = new EntityTagHeaderValue("\"" + Convert.ToHexString(SHA256.HashData(source).AsSpan(0, 16)) + "\"", isWeak: true);
    }

    /// <summary>The client as the assembly embeds it.</summary>
    public static BrowserClientScript Embedded { get; } = Load();

    public byte[] Source { get; }

    public byte[] Gzipped { get; }

    public EntityTagHeaderValue ETag { get; }

    private static BrowserClientScript Load()
    {
        using var stream = typeof(BrowserClientScript).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The browser client ({ResourceName}) is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new BrowserClientScript(copy.ToArray());
    }

    private static byte[] Gzip(byte[] source)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize))
        {
            gzip.Write(source);
        }

        return packed.ToArray();
    }
}
