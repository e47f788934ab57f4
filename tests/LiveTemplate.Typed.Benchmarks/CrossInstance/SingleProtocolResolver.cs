using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace LiveTemplate.Typed.Benchmarks.CrossInstance;

/// <summary>The protocol resolver SignalR's lifetime managers need: one protocol, JSON in these benchmarks.</summary>
public sealed class SingleProtocolResolver(IHubProtocol protocol) : IHubProtocolResolver
{
    public IReadOnlyList<IHubProtocol> AllProtocols { get; } = [protocol];

    public IHubProtocol? GetProtocol(string protocolName, IReadOnlyList<string>? supportedProtocols)
        => protocolName == protocol.Name ? protocol : null;
}
