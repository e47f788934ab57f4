using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Benchmarks.Actions;
using LiveTemplate.Typed.Benchmarks.CrossInstance;
using LiveTemplate.Typed.Benchmarks.Harness;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.PubSub.Codec;
using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.Benchmarks.Publishing;

/// <summary>
/// Each hot path of the SDK on its own, without Redis: the typed publish (JSON, envelope, checks), decoding an
/// envelope, the receive path of a broadcaster (decode, checks, fan-out into a connection's queue) and the typed
/// dispatch a connection's consumer runs.
/// </summary>
public class PipelineBenchmarks
{
    private static readonly GroupId Group = new("bench-group");
    private readonly DeliverySink _sink = new();
    private NullTransportBroadcaster _publisher = default!;
    private NullTransportBroadcaster _receiver = default!;
    private NullTransportBroadcaster _localPublisher = default!;
    private ConnectionRegistry _localRegistry = default!;
    private LocalConnection _localConnection = default!;
    private ConnectionRegistry _registry = default!;
    private LocalConnection _connection = default!;
    private ChannelSubscription _subscription = default!;
    private PingHandler _handler = default!;
    private GroupPing _ping = default!;
    private byte[] _data = [];
    private byte[] _envelope = [];
    private GroupActionMessage _message = default!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _publisher = new NullTransportBroadcaster();
        _receiver = new NullTransportBroadcaster();
        _registry = await ConnectionRegistry.AttachAsync(_receiver);
        _connection = await _registry.RegisterAsync("conn-1", Group);
        _subscription = _receiver.Subscribed[_receiver.Channels.GroupAction(Group)];
        _localPublisher = new NullTransportBroadcaster();
        _localRegistry = await ConnectionRegistry.AttachAsync(_localPublisher);
        _localConnection = await _localRegistry.RegisterAsync("local-1", Group);
        _handler = new PingHandler(_sink);
        _sink.Reset(0);
        var sentAt = Stopwatch.GetTimestamp();
        _ping = new GroupPing(sentAt, 123456, PingPayload.Body(sentAt, 123456));
        _data = ActionJson.SerializeToUtf8Bytes(_ping);
        _message = new GroupActionMessage(Group, GroupPing.ActionName, _data, _publisher.InstanceId, DateTimeOffset.UtcNow, 42);
        _envelope = EnvelopeCodec.Encode(_message);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _registry.DisposeAsync();
        await _localRegistry.DisposeAsync();
        await _localPublisher.DisposeAsync();
        await _publisher.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    /// <summary>BroadcastAsync of a typed group action: everything our publish does before the transport.</summary>
    [Benchmark]
    public Task Publish_Typed() => _publisher.BroadcastAsync(Group, _ping);

    /// <summary>BroadcastAsync to a group with one connection on this instance: local delivery into its queue (then taken out).</summary>
    [Benchmark]
    public bool Publish_Typed_LocalConnection()
    {
        var publishing = _localPublisher.BroadcastAsync(Group, _ping);
        if (!publishing.IsCompletedSuccessfully)
        {
            publishing.GetAwaiter().GetResult();
        }

        return _localConnection.Outbound.TryRead(out _);
    }

    /// <summary>The raw API with data already serialized: the envelope and the checks.</summary>
    [Benchmark]
    public Task Publish_PreSerialized() => _publisher.PublishGroupActionAsync(Group, GroupPing.ActionName, _data);

    [Benchmark]
    public byte[] Serialize_Action() => ActionJson.SerializeToUtf8Bytes(_ping);

    [Benchmark]
    public byte[] Envelope_Write() => EnvelopeCodec.Encode(_message);

    [Benchmark]
    public PubSubMessage? Envelope_Read() => EnvelopeCodec.Decode(_envelope).Message;

    /// <summary>What B does with an envelope from Redis: decode, check, fan out into one connection's queue (then taken out).</summary>
    [Benchmark]
    public bool Receive_OneConnection()
    {
        var receiving = _receiver.ReceiveAsync(_subscription, _envelope);
        if (!receiving.IsCompletedSuccessfully)
        {
            receiving.AsTask().GetAwaiter().GetResult();
        }

        return _connection.Outbound.TryRead(out _);
    }

    /// <summary>What a connection's consumer does with a group action: the generated dispatcher decodes it and runs the handler.</summary>
    [Benchmark]
    public ActionDispatchResult Dispatch_Typed()
    {
        var dispatching = _handler.DispatchAsync(_message, _connection);
        return dispatching.IsCompletedSuccessfully ? dispatching.Result : dispatching.AsTask().GetAwaiter().GetResult();
    }
}
