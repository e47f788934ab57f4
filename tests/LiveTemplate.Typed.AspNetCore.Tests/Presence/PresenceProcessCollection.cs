namespace LiveTemplate.Typed.AspNetCore.Tests.Presence;

/// <summary>
/// The crash and pause tests run alone, after the parallel tests: they time liveness (a 3 s timeout) of real processes,
/// which a machine busy with other tests would stretch.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PresenceProcessCollection
{
    public const string Name = "Presence processes";
}
