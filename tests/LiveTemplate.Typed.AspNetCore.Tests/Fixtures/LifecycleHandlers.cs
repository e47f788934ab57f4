namespace LiveTemplate.Typed.AspNetCore.Tests.Fixtures;

/// <summary>A service no test app registers: a handler that needs it cannot be created.</summary>
public interface IUnregisteredService;

/// <summary>A handler that cannot be created: the app does not register the service it takes.</summary>
public sealed partial class UncreatableHandler(LiveConnection live, IUnregisteredService missing) : IHandle<Post>
{
    public ValueTask HandleAsync(Post action, ActionContext context) => live.SendAsync(new Posted(action.Text + missing, live.Id));
}

/// <summary>A handler whose <see cref="IConnectionLifecycle.OnConnectedAsync"/> throws.</summary>
public sealed partial class FailingOnConnectHandler(LiveConnection live) : IHandle<Post>, IConnectionLifecycle
{
    public ValueTask HandleAsync(Post action, ActionContext context) => live.SendAsync(new Posted(action.Text, live.Id));

    public ValueTask OnConnectedAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("failed on purpose");

    public ValueTask OnDisconnectedAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

/// <summary>A handler whose <see cref="IConnectionLifecycle.OnDisconnectedAsync"/> throws; it says when it is disposed.</summary>
public sealed partial class FailingOnDisconnectHandler(LiveConnection live, HandlerProbe probe) : IHandle<Post>, IConnectionLifecycle, IDisposable
{
    public void Dispose() => probe.Disposed.Enqueue(live.Id);

    public ValueTask HandleAsync(Post action, ActionContext context) => live.SendAsync(new Posted(action.Text, live.Id));

    public ValueTask OnConnectedAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask OnDisconnectedAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("failed on purpose");
}
