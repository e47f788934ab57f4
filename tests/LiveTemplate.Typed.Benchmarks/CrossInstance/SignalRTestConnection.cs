using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveTemplate.Typed.Benchmarks.CrossInstance;

/// <summary>
/// A SignalR connection without a socket: a real HubConnectionContext whose transport is an in-memory pipe, so that
/// what SignalR sends to the client can be read from <see cref="Output"/>.
/// </summary>
public sealed class SignalRTestConnection
{
    public SignalRTestConnection(string id, IHubProtocol protocol, string? userId, PipeOptions? outputOptions = null)
    {
        Output = new Pipe(outputOptions ?? PipeOptions.Default);
        var input = new Pipe();
        var context = new DefaultConnectionContext(id, new DuplexPipe(input.Reader, Output.Writer), new DuplexPipe(Output.Reader, input.Writer));
        Hub = new HubConnectionContext(context, new HubConnectionContextOptions { KeepAliveInterval = TimeSpan.FromMinutes(5), ClientTimeoutInterval = TimeSpan.FromMinutes(5) }, NullLoggerFactory.Instance)
        {
            Protocol = protocol,
            UserIdentifier = userId,
        };
    }

    /// <summary>The server side of the connection, for the lifetime manager.</summary>
    public HubConnectionContext Hub { get; }

    /// <summary>What SignalR wrote for the client.</summary>
    public Pipe Output { get; }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
