namespace LiveTemplate.Typed.AspNetCore.Tests.Aot;

/// <summary>
/// The AOT proof runs alone, after the parallel tests: its publish (when not cached) keeps both cores busy for a
/// minute or two, which would slow the timing-sensitive tests beside it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AotProofCollection : ICollectionFixture<AotProofInstances>
{
    public const string Name = "AOT proof";
}
