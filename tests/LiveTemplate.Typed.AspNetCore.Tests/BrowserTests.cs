using System.Net.Http.Json;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>
/// The sample team board in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright): two pages
/// on two instances of the app over one redis-server, and a page behind a load balancer whose instance dies while the
/// other page moves cards. Screenshots of the pages are saved to tests/LiveTemplate.Typed.AspNetCore.Tests/TestResults/browser/.
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

        _browser = await LaunchAsync(_profile);
    }

    /// <summary>Chromium with a fresh, empty profile (a persistent context is how Playwright takes a --user-data-dir).</summary>
    private async Task<IBrowserContext> LaunchAsync(DirectoryInfo profile)
    {
        var browser = await _playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            ViewportSize = new() { Width = 1100, Height = 760 },
        });
        browser.SetDefaultTimeout(Timeout);
        return browser;
    }

    private static async Task SignInAsync(IPage page, string name)
    {
        await page.FillAsync("#signin input[name=name]", name);
        await page.ClickAsync("#signin button");
        await Expect(page.Locator("#me")).ToHaveTextAsync(name);
        await WaitUntilLiveAsync(page);
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

    [Fact]
    public async Task Two_people_on_two_instances_see_each_other_arrive_show_the_card_each_edits_and_leave()
    {
        // Bob needs cookies of his own: a second browser profile.
        var bobsProfile = Directory.CreateTempSubdirectory("ltt-chromium-");
        var bobsBrowser = await LaunchAsync(bobsProfile);
        try
        {
            var alice = await OpenBoardAsync(_a.BaseUri, "Alice on A", "people");
            await SignInAsync(alice, "alice");
            var bob = await OpenBoardAsync(bobsBrowser, _b.BaseUri, "Bob on B", "people");
            await SignInAsync(bob, "bob");

            // Each sees the other, across the instances.
            await Expect(alice.Locator("#people li[data-member='u:bob']")).ToContainTextAsync("bob");
            await Expect(bob.Locator("#people li[data-member='u:alice']")).ToContainTextAsync("alice");

            // Bob edits card 2 on B: Alice's page on A marks the card and says so beside his name; and back.
            await bob.ClickAsync("#card-2 .title");
            await Expect(alice.Locator("#card-2")).ToHaveAttributeAsync("data-edited-by", "bob");
            await Expect(alice.Locator("#people li[data-member='u:bob']")).ToContainTextAsync("editing #2");
            await alice.ClickAsync("#card-1 .title");
            await Expect(bob.Locator("#card-1")).ToHaveAttributeAsync("data-edited-by", "alice");
            await alice.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts("browser"), "board-presence-alice.png"), FullPage = true });

            // Bob stops editing, then closes his tab: he leaves Alice's list.
            await bob.ClickAsync("#card-2 .title");
            await Expect(alice.Locator("#card-2")).Not.ToHaveAttributeAsync("data-edited-by", "bob");
            await bob.CloseAsync();
            await Expect(alice.Locator("#people li[data-member='u:bob']")).ToHaveCountAsync(0);
            await Expect(alice.Locator("#people li[data-member='u:alice']")).ToContainTextAsync("editing #1");
            var events = await alice.EvaluateAsync<string[]>("() => window.presenceEvents");
            Assert.Equal(["update u:bob 2", "update u:bob ", "leave u:bob "], events.Where(e => e.Contains("u:bob", StringComparison.Ordinal) && !e.StartsWith("join", StringComparison.Ordinal)));
        }
        finally
        {
            await bobsBrowser.DisposeAsync();
            bobsProfile.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_page_whose_instance_dies_while_another_moves_cards_resumes_on_the_other_and_gets_every_move_once_in_order()
    {
        await using var balancer = new LoadBalancer(_a.BaseUri);
        var pageA = await OpenBoardAsync(balancer.BaseUri, "Behind the balancer, on A", "resume");
        var pageB = await OpenBoardAsync(_b.BaseUri, "Instance B", "resume");

        await KillInstanceAAsync(balancer, pageA);
        var moves = new[] { (1, "done"), (2, "todo"), (3, "doing") };
        await MoveWhileOfflineAsync(pageB, moves);
        balancer.Refusing = false;

        await Expect(pageA.Locator("body")).ToHaveAttributeAsync("data-connection", "open", new() { Timeout = 20_000 });
        await Expect(pageA.Locator("body")).ToHaveAttributeAsync("data-recovery", "replayed");
        await ExpectColumnsAsync(pageA, moves);
        var events = await pageA.EvaluateAsync<string[]>("() => window.boardEvents");
        Assert.Equal(["board"], events.Where(e => e == "board"));
        var replayed = events.Where(e => e.StartsWith("card-moved", StringComparison.Ordinal)).Select(e => e.Split(' ')).ToList();
        Assert.Equal(moves.Select(m => $"{m.Item1} {m.Item2}"), replayed.Select(e => $"{e[1]} {e[2]}"));
        var offsets = replayed.Select(e => ulong.Parse(e[3].Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, 3).Select(i => offsets[0] + (ulong)i), offsets);
        await pageA.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts("browser"), "board-resumed-on-b.png"), FullPage = true });
    }

    [Fact]
    public async Task A_page_whose_missed_moves_were_lost_from_the_history_is_told_and_gets_the_board_again()
    {
        await using var balancer = new LoadBalancer(_a.BaseUri);
        var pageA = await OpenBoardAsync(balancer.BaseUri, "Behind the balancer, on A", "reload");
        var pageB = await OpenBoardAsync(_b.BaseUri, "Instance B", "reload");

        await KillInstanceAAsync(balancer, pageA);
        var moves = new[] { (1, "doing"), (3, "todo") };
        await MoveWhileOfflineAsync(pageB, moves, async () =>
        {
            // The history of the board's moves is lost (as a Redis restarted without persistence loses it); the board is stored apart.
            await using var admin = await _redis.ConnectAsync("allowAdmin=true");
            var server = admin.GetServer(_redis.Endpoint);
            await foreach (var key in server.KeysAsync(pattern: "*livetemplate:groupaction:group:board:reload|*"))
            {
                await admin.GetDatabase().KeyDeleteAsync(key);
            }
        });
        balancer.Refusing = false;

        await Expect(pageA.Locator("body")).ToHaveAttributeAsync("data-connection", "open", new() { Timeout = 20_000 });
        await Expect(pageA.Locator("body")).ToHaveAttributeAsync("data-recovery", "reloaded");
        await ExpectColumnsAsync(pageA, moves);
    }

    /// <summary>The instance behind the balancer dies: the page's socket is cut, A stops, and the balancer now points at B but answers nobody yet.</summary>
    private async Task KillInstanceAAsync(LoadBalancer balancer, IPage page)
    {
        balancer.Refusing = true;
        balancer.PointAt(_b.BaseUri);
        balancer.CutAll();
        await _a.DisposeAsync();
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-connection", "closed");
    }

    /// <summary>The other page moves cards while the first is offline, which lasts 5 s in all (the outage itself, not a wait for a message).</summary>
    private static async Task MoveWhileOfflineAsync(IPage page, (int Card, string Column)[] moves, Func<Task>? meanwhile = null)
    {
        var offline = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (card, column) in moves)
        {
            await page.ClickAsync($"#card-{card} button[data-to={column}]");
            await Expect(page.Locator($".column[data-column={column}] #card-{card}")).ToBeVisibleAsync();
        }

        if (meanwhile is not null)
        {
            await meanwhile();
        }

        var rest = TimeSpan.FromSeconds(5) - offline.Elapsed;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }
    }

    private static async Task ExpectColumnsAsync(IPage page, (int Card, string Column)[] moves)
    {
        foreach (var (card, column) in moves)
        {
            await Expect(page.Locator($".column[data-column={column}] #card-{card}")).ToBeVisibleAsync();
        }
    }

    private Task<IPage> OpenBoardAsync(TeamBoardInstance instance, string title) => OpenBoardAsync(instance.BaseUri, title, "e2e");

    private Task<IPage> OpenBoardAsync(Uri baseUri, string title, string board) => OpenBoardAsync(_browser, baseUri, title, board);

    private static async Task<IPage> OpenBoardAsync(IBrowserContext browser, Uri baseUri, string title, string board)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(baseUri, "/?board=" + board).ToString());
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
