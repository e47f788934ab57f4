using Microsoft.AspNetCore.Builder;
using TeamBoard;

namespace LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;

/// <summary>One instance of the real sample app on 127.0.0.1 and a free port, exactly as <c>dotnet run</c> builds it.</summary>
public sealed class TeamBoardInstance : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private TeamBoardInstance(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static async Task<TeamBoardInstance> StartAsync(params string[] args)
    {
        var app = TeamBoardApp.Create(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. args], RepositoryPaths.TeamBoard);
        await app.StartAsync();
        return new TeamBoardInstance(app, ListeningAddress.Of(app));
    }

    /// <summary>Stops the instance (its connections close); safe to call again.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _app.StopAsync(bound.Token);
        await _app.DisposeAsync();
    }
}
