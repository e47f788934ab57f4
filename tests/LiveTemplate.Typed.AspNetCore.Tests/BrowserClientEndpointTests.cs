using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>
/// <c>MapLiveTemplateClient()</c>: the host serves the browser client's source file (clients/browser/src/index.js) as
/// it is, as JavaScript, revalidated by its entity tag, gzipped when the request accepts it.
/// </summary>
public sealed class BrowserClientEndpointTests : IAsyncLifetime
{
    private const string ClientPath = LiveTemplateEndpointRouteBuilderExtensions.DefaultClientPath;

    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_served_script_is_the_client_source_file_as_javascript()
    {
        using var http = _app.Http();

        using var response = await http.GetAsync(ClientPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(await File.ReadAllBytesAsync(RepositoryPaths.BrowserClientSource), await response.Content.ReadAsByteArrayAsync());
        Assert.True(response.Headers.CacheControl?.NoCache, "Cache-Control: no-cache, so a browser revalidates on every load");
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task A_request_that_accepts_gzip_gets_the_same_text_gzipped_and_smaller()
    {
        using var http = _app.Http();
        using var request = new HttpRequestMessage(HttpMethod.Get, ClientPath);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip;q=0.8");

        using var response = await http.SendAsync(request);

        var source = await File.ReadAllBytesAsync(RepositoryPaths.BrowserClientSource);
        var packed = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.True(packed.Length < source.Length / 2, $"gzipped {packed.Length} bytes of {source.Length}");
        Assert.Equal(source, Gunzip(packed));
    }

    [Theory]
    [InlineData("gzip;q=0")]
    [InlineData("br, deflate")]
    [InlineData("*;q=0.5, gzip;q=0")]
    public async Task A_request_that_does_not_accept_gzip_gets_the_source_as_it_is(string acceptEncoding)
    {
        using var http = _app.Http();
        using var request = new HttpRequestMessage(HttpMethod.Get, ClientPath);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);

        using var response = await http.SendAsync(request);

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(await File.ReadAllBytesAsync(RepositoryPaths.BrowserClientSource), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_revalidation_with_the_served_entity_tag_is_not_modified_and_carries_no_body()
    {
        using var http = _app.Http();
        using var first = await http.GetAsync(ClientPath);
        var tag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, ClientPath);
        again.Headers.IfNoneMatch.Add(tag);
        again.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await http.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, response.Headers.ETag);
    }

    [Fact]
    public async Task A_revalidation_with_another_entity_tag_gets_the_script()
    {
        using var http = _app.Http();
        using var request = new HttpRequestMessage(HttpMethod.Get, ClientPath);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-client\"", isWeak: true));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(RepositoryPaths.BrowserClientSource), await response.Content.ReadAsByteArrayAsync());
    }

    private static byte[] Gunzip(byte[] packed)
    {
        using var gzip = new GZipStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var text = new MemoryStream();
        gzip.CopyTo(text);
        return text.ToArray();
    }
}
