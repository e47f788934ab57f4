using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
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

    /// <summary>
    /// Reads what SignalR sent until the pipe completes: splits the JSON hub protocol's messages (each ends with the
    /// record separator 0x1E) and hands the first argument of each invocation, a number, to <paramref name="onFirstArgument"/>.
    /// </summary>
    public async Task ReadMessagesAsync(Action<long> onFirstArgument)
    {
        var reader = Output.Reader;
        while (true)
        {
            var result = await reader.ReadAsync();
            var buffer = result.Buffer;
            while (TryReadFrame(ref buffer, out var frame))
            {
                onFirstArgument(ReadFirstArgument(frame));
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                await reader.CompleteAsync();
                return;
            }
        }
    }

    private static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        var end = buffer.PositionOf((byte)0x1E);
        if (end is null)
        {
            frame = default;
            return false;
        }

        frame = buffer.Slice(0, end.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, end.Value));
        return true;
    }

    /// <summary>Reads the first argument of {"type":1,"target":"…","arguments":[first,…]}.</summary>
    private static long ReadFirstArgument(ReadOnlySequence<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("arguments"u8))
            {
                reader.Read();
                reader.Read();
                return reader.GetInt64();
            }
        }

        throw new InvalidOperationException("A SignalR message without arguments.");
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
