using System.Globalization;
using LiveTemplate.Typed.Testing.Processes;

namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>Two instances of a stack's server, processes of their own on one redis-server; clients are spread over both.</summary>
public sealed class ServerPair : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly AppProcess[] _instances;

    private ServerPair(AppProcess[] instances) => _instances = instances;

    /// <summary>Instance <paramref name="index"/> modulo two: client <c>i</c> goes to instance <c>i % 2</c>.</summary>
    public Uri this[int index] => _instances[index % 2].BaseUri;

    /// <summary>Both servers' CPU time so far (user and kernel).</summary>
    public TimeSpan CpuTime => _instances[0].CpuTime + _instances[1].CpuTime;

    /// <summary>Starts both instances and waits until each answers its health endpoint.</summary>
    public static async Task<ServerPair> StartAsync(IStack stack, string redisEndpoint)
    {
        var started = new List<AppProcess>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                started.Add(await AppProcess.StartAsync(stack.ServerAssembly, ["--Redis", redisEndpoint, .. stack.ServerArguments], "/health", StartTimeout, name: $"{stack.Name} server {i}").ConfigureAwait(false));
            }

            return new ServerPair([.. started]);
        }
        catch
        {
            foreach (var process in started)
            {
                await process.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Both servers' working set and managed heap after a full, compacting collection in each (bytes, summed).</summary>
    public async Task<(long WorkingSet, long ManagedHeap)> MemoryAfterFullGcAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        long workingSet = 0, heap = 0;
        foreach (var instance in _instances)
        {
            var fields = (await http.GetStringAsync(new Uri(instance.BaseUri, "/stats?gc=1")).ConfigureAwait(false)).Split(' ');
            workingSet += long.Parse(fields[0], CultureInfo.InvariantCulture);
            heap += long.Parse(fields[1], CultureInfo.InvariantCulture);
        }

        return (workingSet, heap);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync().ConfigureAwait(false);
        }
    }
}
