using Garnet;

namespace TeamBoard;

/// <summary>
/// The two-instance demo without a Redis installed: <c>--Garnet:Port=6380</c> starts Microsoft's Garnet, an
/// embeddable Redis-protocol server, inside this instance on 127.0.0.1, and points LiveTemplate:Redis at it.
/// Other instances set <c>--LiveTemplate:Redis=127.0.0.1:6380</c>. Stopping this instance stops Garnet.
/// </summary>
public static class EmbeddedGarnet
{
    public static IDisposable? StartIfConfigured(ConfigurationManager configuration)
    {
        if (configuration["Garnet:Port"] is not { Length: > 0 } port)
        {
            return null;
        }

        // --lua: the history of recoverable channels is kept by a Lua script (appsettings.json: LiveTemplate:History).
        var server = new GarnetServer(["--bind", "127.0.0.1", "--port", port, "--index", "1m", "--memory", "64m", "--page", "1m", "--lua"]);
        server.Start();
        if (string.IsNullOrEmpty(configuration["LiveTemplate:Redis"]))
        {
            configuration["LiveTemplate:Redis"] = "127.0.0.1:" + port;
        }

        return server;
    }
}
