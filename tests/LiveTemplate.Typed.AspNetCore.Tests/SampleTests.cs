using System.Net;
using System.Net.Sockets;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>The sample's README recipes, run as written: one instance with no services, and two over an embedded Garnet.</summary>
public sealed class SampleTests
{
    [Fact]
    public async Task One_instance_runs_on_the_in_memory_default_and_refuses_a_board_name_it_does_not_accept()
    {
        await using var app = await TeamBoardInstance.StartAsync();
        await using var tab = await LiveClient.ConnectAsync(Live(app, "team"));

        var board = await tab.NextAsync("the board");
        Assert.Equal(("update", "board", 3), (board.Type, board.Get("name"), board.Data.GetProperty("cards").GetArrayLength()));
        Assert.Equal(HttpStatusCode.BadRequest, await LiveClient.RefusedAsync(Live(app, "Not_A_Board")));
    }

    [Fact]
    public async Task Two_instances_share_a_board_through_garnet_embedded_in_the_first()
    {
        var port = FreePort();
        await using var first = await TeamBoardInstance.StartAsync("--Garnet:Port=" + port);
        await using var second = await TeamBoardInstance.StartAsync("--LiveTemplate:Redis=127.0.0.1:" + port);
        await using var onFirst = await LiveClient.ConnectAsync(Live(first, "garnet"));
        await using var onSecond = await LiveClient.ConnectAsync(Live(second, "garnet"));
        await onFirst.NextAsync("the board on the first");
        await onSecond.NextAsync("the board on the second");

        await onFirst.SendActionAsync("move-card", """{"cardId":2,"column":"done"}""");

        var moved = await onSecond.NextAsync("the move, through garnet");
        Assert.Equal(("card-moved", 2, "done"), (moved.Action, moved.Data.GetProperty("cardId").GetInt32(), moved.Data.GetProperty("column").GetString()));
        Assert.Equal("group-action", moved.Get("stream")); // appsettings.json turns history on: the move has a position
        Assert.NotNull(moved.Get("pos"));
        await using var latecomer = await LiveClient.ConnectAsync(Live(second, "garnet"));
        var board = await latecomer.NextAsync("the stored board");
        Assert.Contains(board.Data.GetProperty("cards").EnumerateArray(), c => c.GetProperty("id").GetInt32() == 2 && c.GetProperty("column").GetString() == "done");
    }

    [Theory]
    [InlineData("/api/signin", "{}")]
    [InlineData("/api/signin", """{"name":null}""")]
    [InlineData("/api/signin", """{"name":"   "}""")]
    [InlineData("/api/signin", """{"name":"Ålice B"}""")]
    [InlineData("/api/signin", "null")]
    [InlineData("/api/announce", "{}")]
    [InlineData("/api/announce", """{"text":null}""")]
    [InlineData("/api/announce", """{"text":""}""")]
    [InlineData("/api/announce", "null")]
    public async Task The_sign_in_and_the_operator_api_refuse_a_missing_or_null_field_with_400(string path, string body)
    {
        await using var app = await TeamBoardInstance.StartAsync();
        using var http = new HttpClient { BaseAddress = app.BaseUri, Timeout = TimeSpan.FromSeconds(10) };

        using var response = await http.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_simple_name_signs_in_and_an_announcement_is_accepted()
    {
        await using var app = await TeamBoardInstance.StartAsync();
        using var http = new HttpClient { BaseAddress = app.BaseUri, Timeout = TimeSpan.FromSeconds(10) };

        using var signIn = await http.PostAsync("/api/signin", new StringContent("""{"name":" Alice "}""", System.Text.Encoding.UTF8, "application/json"));
        using var announce = await http.PostAsync("/api/announce", new StringContent("""{"text":"maintenance at 22:00"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.OK, """{"name":"alice"}"""), (signIn.StatusCode, await signIn.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Accepted, announce.StatusCode);
    }

    private static Uri Live(TeamBoardInstance app, string board) => new UriBuilder(app.BaseUri) { Scheme = "ws", Path = "/live/" + board }.Uri;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
