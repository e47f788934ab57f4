using System.Net.Http.Json;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>
/// The sample team board in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright): two pages
/// on two instances of the app over one redis-server. Screenshots of both pages are saved to
/// tests/LiveTemplate.Typed.AspNetCore.Tests/TestResults/browser/.
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly float Timeout = 15_000;

    private readonly DirectoryInfo _profile = Directory.CreateTempSubdirectory("ltt-chromium-");
    private RedisServer _redis = null!;
    private TeamBoardInstance _a = null!;
    private TeamBoardInstance _b = null!;
    private IPlaywright _playwright = null!;
    private IBrowserContext _browser = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: ./eng/test.sh installs Debian's chromium package.");
        _redis = await RedisServer.StartAsync();
        _a = await TeamBoardInstance.StartAsync("--LiveTemplate:Redis=" + _redis.Endpoint);
        _b = await TeamBoardInstance.StartAsync("--LiveTemplate:Redis=" + _redis.Endpoint);
        _playwright = await Playwright.CreateAsync();

        // A persistent context is how Playwright takes a --user-data-dir: a fresh, empty profile for this test.
        _browser = await _playwright.Chromium.LaunchPersistentContextAsync(_profile.FullName, new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            ViewportSize = new() { Width = 1100, Height = 760 },
        });
        _browser.SetDefaultTimeout(Timeout);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _redis.DisposeAsync();
        _profile.Delete(recursive: true);
    }

    [Fact]
    public async Task Two_pages_on_two_instances_see_each_others_moves_notes_and_announcements()
    {
        var pageA = await OpenBoardAsync(_a, "Instance A");
        await pageA.FillAsync("#signin input[name=name]", "alice");
        await pageA.ClickAsync("#signin button");
        await Expect(pageA.Locator("#me")).ToHaveTextAsync("alice");
        await WaitUntilLiveAsync(pageA);
        var pageB = await OpenBoardAsync(_b, "Instance B");
        await Expect(pageB.Locator("#me")).ToHaveTextAsync("alice");

        // A group action: a move on A shows up on B.
        await pageA.ClickAsync("#card-1 button[data-to=done]");
        await Expect(pageB.Locator(".column[data-column=done] #card-1")).ToContainTextAsync("by alice");

        // And back: a card added on B shows up on A.
        await pageB.FillAsync("#add-card input[name=title]", "Ship the sample");
        await pageB.ClickAsync("#add-card button");
        await Expect(pageA.Locator(".column[data-column=todo] .card", new() { HasText = "Ship the sample" })).ToBeVisibleAsync();

        // A server action: a note to alice reaches both of her tabs, one on each instance.
        await pageB.FillAsync("#send-note input[name=to]", "alice");
        await pageB.FillAsync("#send-note input[name=text]", "stand-up in 5 minutes");
        await pageB.ClickAsync("#send-note button");
        await Expect(pageA.Locator("#notes")).ToContainTextAsync("alice: stand-up in 5 minutes");
        await Expect(pageB.Locator("#notes")).ToContainTextAsync("alice: stand-up in 5 minutes");

        // A global broadcast from the operator API on B reaches the page on A.
        using var http = new HttpClient { BaseAddress = _b.BaseUri };
        (await http.PostAsJsonAsync("/api/announce", new { text = "Deploy at 17:00" })).EnsureSuccessStatusCode();
        await Expect(pageA.Locator("#announcement")).ToContainTextAsync("Deploy at 17:00");
        await Expect(pageB.Locator("#announcement")).ToContainTextAsync("Deploy at 17:00");

        var artifacts = RepositoryPaths.Artifacts("browser");
        await pageA.ScreenshotAsync(new() { Path = Path.Combine(artifacts, "board-instance-a.png"), FullPage = true });
        await pageB.ScreenshotAsync(new() { Path = Path.Combine(artifacts, "board-instance-b.png"), FullPage = true });
    }

    private async Task<IPage> OpenBoardAsync(TeamBoardInstance instance, string title)
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(instance.BaseUri, "/?board=e2e").ToString());
        await WaitUntilLiveAsync(page);
        await page.EvaluateAsync("title => document.title = title", title);
        return page;
    }

    private static async Task WaitUntilLiveAsync(IPage page)
    {
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-connection", "open");
        await Expect(page.Locator("#card-1")).ToBeVisibleAsync();
    }
}
