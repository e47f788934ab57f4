using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.Presence;
using Microsoft.Extensions.DependencyInjection;

namespace LiveTemplate.Typed.AspNetCore.Tests.Presence;

/// <summary>
/// A presence store that fails under a browser's presence frame (an app's own <see cref="IPresence"/> here, whose calls
/// give up with their own timeout's cancellation or throw) is the server's failure: the browser is answered
/// handler-failed and keeps its socket, as for a failing action, instead of being closed with 1011.
/// </summary>
public class PresenceStoreFailureTests
{
    [Theory]
    [InlineData("""{"presence":"track","data":{"name":"Ann"}}""", "track")]
    [InlineData("""{"presence":"list"}""", "list")]
    public async Task A_store_that_gives_up_or_throws_is_answered_handler_failed_and_the_socket_stays_open(string frame, string op)
    {
        foreach (var failure in new Func<Exception>[] { () => new OperationCanceledException("the store's own timeout"), () => new InvalidOperationException("the store is away") })
        {
            await using var app = await TestApp.StartAsync(live => live.Services.AddSingleton<IPresence>(new FailingPresence(failure)));
            await using var browser = await LiveClient.ConnectAsync(app.Board("failing-store"));

            await browser.SendAsync(frame);

            var error = await browser.NextAsync("the answer to the presence frame");
            Assert.Equal(("error", LiveErrorCodes.HandlerFailed), (error.Type, error.Code));
            Assert.Equal($"Presence '{op}' failed on the server.", error.Get("message"));
            await browser.SendActionAsync("post", """{"text":"still here"}""");
            var posted = await browser.NextAsync("the post's echo, on the same socket");
            Assert.Equal("still here", posted.Data.GetProperty("text").GetString());
            Assert.False(browser.IsClosed);
        }
    }

    /// <summary>A store whose every call fails with <paramref name="failure"/>'s exception.</summary>
    private sealed class FailingPresence(Func<Exception> failure) : IPresence
    {
        public string InstanceId => "failing-store";

        public bool IsTracked(string connectionId) => false;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        public Task TrackAsync(GroupId groupId, string connectionId, UserId? userId, ReadOnlyMemory<byte> metadata, CancellationToken ct = default) => Task.FromException(failure());

        public Task UpdateAsync(string connectionId, ReadOnlyMemory<byte> metadata, CancellationToken ct = default) => Task.FromException(failure());

        public Task<bool> UntrackAsync(string connectionId, CancellationToken ct = default) => Task.FromException<bool>(failure());

        public Task<IReadOnlyList<PresenceMember>> ListAsync(PresenceScope scope, CancellationToken ct = default) => Task.FromException<IReadOnlyList<PresenceMember>>(failure());

        public Task<PresenceCount> CountAsync(PresenceScope scope, CancellationToken ct = default) => Task.FromException<PresenceCount>(failure());

        public Task<IAsyncDisposable> WatchAsync(PresenceScope scope, Func<PresenceEvent, ValueTask> handler, CancellationToken ct = default) => Task.FromException<IAsyncDisposable>(failure());
    }
}
