using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A load balancer stand-in on 127.0.0.1: every TCP connection it accepts is piped to the instance it points at
/// then. It can cut every open connection at once (the instance died) and hold new ones off (no instance answers).
/// </summary>
public sealed class LoadBalancer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile Uri _upstream;
    private volatile bool _refusing;

    public LoadBalancer(Uri upstream)
    {
        _upstream = upstream;
        _listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = Task.Run(AcceptAsync);
    }

    public Uri BaseUri { get; }

    /// <summary>Where new connections go.</summary>
    public void PointAt(Uri upstream) => _upstream = upstream;

    /// <summary>While true, new connections are closed at once, as with no instance behind the balancer.</summary>
    public bool Refusing { set => _refusing = value; }

    /// <summary>Cuts every open connection, without a goodbye, as an instance that died.</summary>
    public void CutAll()
    {
        foreach (var client in _open.Keys)
        {
            if (client.Client is { } socket)
            {
                socket.LingerState = new LingerOption(true, 0);
            }

            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        CutAll();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var downstream = await _listener.AcceptTcpClientAsync(_stop.Token);
            if (_refusing)
            {
                downstream.Client.LingerState = new LingerOption(true, 0);
                downstream.Dispose();
                continue;
            }

            _ = PipeAsync(downstream, _upstream);
        }
    }

    private async Task PipeAsync(TcpClient downstream, Uri upstreamUri)
    {
        using var upstream = new TcpClient();
        _open.TryAdd(downstream, 0);
        _open.TryAdd(upstream, 0);
        try
        {
            await upstream.ConnectAsync(upstreamUri.Host, upstreamUri.Port, _stop.Token);
            var a = downstream.GetStream();
            var b = upstream.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            _open.TryRemove(downstream, out _);
            _open.TryRemove(upstream, out _);
            downstream.Dispose();
        }
    }
}
