using LiveTemplate.Typed.Presence;
using LiveTemplate.Typed.Testing.Presence;

namespace LiveTemplate.Typed.Tests;

/// <summary>The presence specification, run on in-memory trackers sharing one <see cref="InMemoryPresenceNetwork"/>.</summary>
public sealed class InMemoryPresenceSpecification : PresenceSpecification
{
    protected override Task<PresenceHarness> CreateHarnessAsync() => Task.FromResult<PresenceHarness>(new InMemoryPresenceHarness());

    private sealed class InMemoryPresenceHarness : PresenceHarness
    {
        private readonly InMemoryPresenceNetwork _network = new();

        protected override Task<PresenceTracker> CreateAsync(Action<PresenceOptions> configure)
        {
            var options = new PresenceOptions();
            configure(options);
            return Task.FromResult<PresenceTracker>(new InMemoryPresence(_network, options));
        }

        public override Task KillAsync(PresenceTracker tracker)
        {
            _network.Cut((InMemoryPresence)tracker);
            return Task.CompletedTask;
        }

        public override Task ForgetEverythingAsync()
        {
            _network.Forget();
            return Task.CompletedTask;
        }

        public override Task<IReadOnlyList<PresenceScope>> RecordedScopesAsync(PresenceTracker tracker)
            => Task.FromResult(_network.ScopesOf(tracker.InstanceId));

        public override Task ForgetScopeAsync(PresenceScope scope)
        {
            _network.Forget(scope);
            return Task.CompletedTask;
        }
    }
}
