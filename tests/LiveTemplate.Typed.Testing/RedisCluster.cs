using System.Diagnostics;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Testing;

/// <summary>
/// A real Redis Cluster on loopback: masters and replicas as <see cref="RedisServer"/> processes on free ports,
/// joined with <c>redis-cli --cluster create</c>. A short node timeout makes failovers take about a second.
/// </summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private static readonly TimeSpan FormTimeout = TimeSpan.FromSeconds(60);

    private RedisCluster(IReadOnlyList<RedisServer> nodes) => Nodes = nodes;

    /// <summary>Every node, masters first as created (roles change on failover).</summary>
    public IReadOnlyList<RedisServer> Nodes { get; }

    /// <summary>A configuration string naming every node.</summary>
    public string Endpoints => string.Join(",", Nodes.Select(n => n.Endpoint));

    /// <summary>Starts <paramref name="masters"/> masters with <paramref name="replicasPerMaster"/> replicas each and forms the cluster.</summary>
    public static async Task<RedisCluster> StartAsync(int masters = 3, int replicasPerMaster = 1)
    {
        var nodes = new List<RedisServer>();
        try
        {
            for (var i = 0; i < masters * (1 + replicasPerMaster); i++)
            {
                nodes.Add(await RedisServer.StartAsync(true, "--cluster-enabled", "yes", "--cluster-node-timeout", "1000", "--cluster-require-full-coverage", "no", "--cluster-replica-validity-factor", "0").ConfigureAwait(false));
            }

            var cluster = new RedisCluster(nodes);
            await RunCliAsync(["--cluster", "create", .. nodes.Select(n => n.Endpoint), "--cluster-replicas", replicasPerMaster.ToString(System.Globalization.CultureInfo.InvariantCulture), "--cluster-yes"]).ConfigureAwait(false);
            await cluster.WaitUntilHealthyAsync().ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>A cluster-aware multiplexer configured as an application should.</summary>
    public Task<ConnectionMultiplexer> ConnectAsync(string? extraConfiguration = null)
    {
        var options = ConfigurationOptions.Parse($"{Endpoints},abortConnect=false,connectTimeout=2000,syncTimeout=3000,asyncTimeout=3000,connectRetry=1{(extraConfiguration is null ? string.Empty : "," + extraConfiguration)}");
        options.ReconnectRetryPolicy = new LinearRetry(250);
        return ConnectionMultiplexer.ConnectAsync(options);
    }

    /// <summary>The node that is master for <paramref name="channel"/>'s hash slot, waiting (bounded) while a failover is under way.</summary>
    public async Task<RedisServer> MasterOfAsync(string channel)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (await FindMasterOfAsync(channel).ConfigureAwait(false) is { } master)
            {
                return master;
            }

            if (deadline.Elapsed > FormTimeout)
            {
                throw new InvalidOperationException($"No running master owns the slot of '{channel}' after {FormTimeout}.");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    private async Task<RedisServer?> FindMasterOfAsync(string channel)
    {
        var slot = int.Parse(await RunCliAsync(["-p", Nodes[0].Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "cluster", "keyslot", channel]).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var node in Nodes.Where(n => n.IsRunning))
        {
            var info = await RunCliAsync(["-p", node.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "cluster", "nodes"]).ConfigureAwait(false);
            foreach (var line in info.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var fields = line.Split(' ');
                if (!fields[2].Contains("myself", StringComparison.Ordinal) || !fields[2].Contains("master", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var range in fields.Skip(8))
                {
                    var bounds = range.Split('-');
                    var low = int.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture);
                    var high = bounds.Length > 1 ? int.Parse(bounds[1], System.Globalization.CultureInfo.InvariantCulture) : low;
                    if (slot >= low && slot <= high)
                    {
                        return node;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Moves the hash slot of <paramref name="channel"/> from its master to <paramref name="target"/> (another master),
    /// the way a resharding does: IMPORTING/MIGRATING, then the new owner announced to every master.
    /// </summary>
    public async Task MoveSlotAsync(string channel, RedisServer target)
    {
        var source = await MasterOfAsync(channel).ConfigureAwait(false);
        var slot = await CliAsync(source, "cluster", "keyslot", channel).ConfigureAwait(false);
        var sourceId = await CliAsync(source, "cluster", "myid").ConfigureAwait(false);
        var targetId = await CliAsync(target, "cluster", "myid").ConfigureAwait(false);
        await CliAsync(target, "cluster", "setslot", slot, "importing", sourceId).ConfigureAwait(false);
        await CliAsync(source, "cluster", "setslot", slot, "migrating", targetId).ConfigureAwait(false);
        foreach (var node in new[] { target, source }.Concat(Nodes.Where(n => n.IsRunning && n != source && n != target)))
        {
            var role = await CliAsync(node, "info", "replication").ConfigureAwait(false);
            if (role.Contains("role:master", StringComparison.Ordinal))
            {
                await CliAsync(node, "cluster", "setslot", slot, "node", targetId).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The running masters.</summary>
    public async Task<IReadOnlyList<RedisServer>> MastersAsync()
    {
        var masters = new List<RedisServer>();
        foreach (var node in Nodes.Where(n => n.IsRunning))
        {
            if ((await CliAsync(node, "info", "replication").ConfigureAwait(false)).Contains("role:master", StringComparison.Ordinal))
            {
                masters.Add(node);
            }
        }

        return masters;
    }

    private static Task<string> CliAsync(RedisServer node, params string[] command)
        => RunCliAsync(["-p", node.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. command]);

    /// <summary>Waits until every running node reports <c>cluster_state:ok</c> and every replica's link to its master is up.</summary>
    public async Task WaitUntilHealthyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var healthy = true;
            foreach (var node in Nodes.Where(n => n.IsRunning))
            {
                var port = node.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var info = await RunCliAsync(["-p", port, "cluster", "info"]).ConfigureAwait(false);
                var replication = await RunCliAsync(["-p", port, "info", "replication"]).ConfigureAwait(false);
                healthy &= info.Contains("cluster_state:ok", StringComparison.Ordinal)
                    && (replication.Contains("role:master", StringComparison.Ordinal) || replication.Contains("master_link_status:up", StringComparison.Ordinal));
            }

            if (healthy)
            {
                return;
            }

            if (deadline.Elapsed > FormTimeout)
            {
                throw new TimeoutException($"The cluster did not become healthy within {FormTimeout}.");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<string> RunCliAsync(string[] arguments)
    {
        var info = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start redis-cli.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(FormTimeout).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"redis-cli {string.Join(' ', arguments)} failed: {await error.ConfigureAwait(false)}");
        }

        return (await output.ConfigureAwait(false)).Trim();
    }
}
