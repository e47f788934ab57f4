using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;
using LiveTemplate.Typed.Testing.Specification;

namespace LiveTemplate.Typed.Tests;

/// <summary>The broadcaster specification, run on in-memory broadcasters sharing one <see cref="InMemoryNetwork"/>.</summary>
public sealed class InMemoryBroadcasterSpecification : BroadcasterSpecification
{
    protected override Task<BroadcasterHarness> CreateHarnessAsync() => Task.FromResult<BroadcasterHarness>(new InMemoryHarness());

    private sealed class InMemoryHarness : BroadcasterHarness
    {
        private readonly InMemoryNetwork _network = new();

        protected override Task<(ChannelBroadcaster Broadcaster, RecordingLogger Log)> CreateBroadcasterAsync(Action<BroadcasterOptions> configure)
        {
            var options = new BroadcasterOptions();
            configure(options);
            var log = new RecordingLogger<InMemoryBroadcaster>();
            return Task.FromResult<(ChannelBroadcaster, RecordingLogger)>((new InMemoryBroadcaster(_network, options, log), log));
        }

        public override Task PublishRawAsync(string channel, ReadOnlyMemory<byte> message)
        {
            _network.Publish(channel, message);
            return Task.CompletedTask;
        }

        public override Task<long> CountSubscribersAsync(string channel) => Task.FromResult<long>(_network.CountSubscribers(channel));

        public override Task<long> CountPatternSubscriptionsAsync() => Task.FromResult<long>(_network.CountPatterns());

        public override Task<IReadOnlyList<string>> ActiveChannelsAsync() => Task.FromResult(_network.ActiveChannels());

        public override Task ForgetHistoryAsync()
        {
            _network.ForgetHistory();
            return Task.CompletedTask;
        }
    }
}
