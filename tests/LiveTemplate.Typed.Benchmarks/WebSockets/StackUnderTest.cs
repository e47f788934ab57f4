namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>One stack during the part: its two servers, the client that publishes, the listener slot its clients report to, its results.</summary>
public sealed class StackUnderTest(IStack stack, ServerPair servers, StackResults results) : IAsyncDisposable
{
    private IStackClient? _publisher;

    /// <summary>The stack.</summary>
    public IStack Stack { get; } = stack;

    /// <summary>Its two server processes.</summary>
    public ServerPair Servers { get; } = servers;

    /// <summary>What it measured.</summary>
    public StackResults Results { get; } = results;

    /// <summary>Where its measured clients report.</summary>
    public ListenerSlot Slot { get; } = new();

    /// <summary>Opens the publishing client on instance 0 (in a group of its own).</summary>
    public async Task ConnectPublisherAsync()
        => _publisher = await Stack.ConnectAsync(Servers[0], "publisher", NoListener.Instance, CancellationToken.None).ConfigureAwait(false);

    /// <summary>A send for the load runs: tick <c>seq</c> to <paramref name="group"/> (to its topic with <paramref name="viaTopic"/>).</summary>
    public Func<int, Task> Publish(string group, string text, bool viaTopic = false)
    {
        var publisher = _publisher ?? throw new InvalidOperationException("Connect the publisher first.");
        return seq => publisher.PublishAsync(group, seq, text, viaTopic);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_publisher is not null)
        {
            await _publisher.DisposeAsync().ConfigureAwait(false);
        }

        await Servers.DisposeAsync().ConfigureAwait(false);
    }
}
