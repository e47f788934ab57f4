namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>Many open clients of one group, spread over both instances (client <c>i</c> on instance <c>i % 2</c>).</summary>
public sealed class ClientGroup : IAsyncDisposable
{
    private const int ConnectingAtOnce = 32;
    private readonly List<IStackClient> _clients;

    private ClientGroup(List<IStackClient> clients) => _clients = clients;

    /// <summary>How many clients are open.</summary>
    public int Count => _clients.Count;

    /// <summary>Opens <paramref name="count"/> clients of <paramref name="group"/> (following its topic with <paramref name="viaTopic"/>), <see cref="ConnectingAtOnce"/> handshakes at a time.</summary>
    public static async Task<ClientGroup> ConnectAsync(IStack stack, ServerPair servers, string group, int count, IDeliveryListener listener, CancellationToken ct, bool viaTopic = false)
    {
        var clients = new IStackClient[count];
        var next = -1;
        var workers = Enumerable.Range(0, Math.Min(ConnectingAtOnce, count)).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                clients[i] = await stack.ConnectAsync(servers[i], group, listener, ct, viaTopic).ConfigureAwait(false);
            }
        });
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch
        {
            await new ClientGroup([.. clients.Where(c => c is not null)]).DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new ClientGroup([.. clients]);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var chunk in _clients.Chunk(ConnectingAtOnce * 4))
        {
            await Task.WhenAll(chunk.Select(c => c.DisposeAsync().AsTask())).ConfigureAwait(false);
        }

        _clients.Clear();
    }
}
