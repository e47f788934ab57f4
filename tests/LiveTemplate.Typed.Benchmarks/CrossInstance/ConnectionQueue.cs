using System.Threading.Channels;
using LiveTemplate.Typed.Benchmarks.Harness;

namespace LiveTemplate.Typed.Benchmarks.CrossInstance;

/// <summary>
/// A test connection of the raw peer: the same bounded, never-waiting queue a LocalConnection has, read by one
/// consumer. It gives raw pub/sub the same fan-out work as the SDK, without envelopes, decoding or dispatch.
/// </summary>
public sealed class ConnectionQueue
{
    private readonly Channel<ReadOnlyMemory<byte>> _queue = Channel.CreateBounded<ReadOnlyMemory<byte>>(
        new BoundedChannelOptions(RunSettings.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private long _dropped;

    public long Dropped => Interlocked.Read(ref _dropped);

    public ChannelReader<ReadOnlyMemory<byte>> Reader => _queue.Reader;

    public void Deliver(ReadOnlyMemory<byte> message)
    {
        if (!_queue.Writer.TryWrite(message))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    public void Complete() => _queue.Writer.TryComplete();
}
