namespace LiveTemplate.Typed.Generators.Model;

/// <summary>What the assemblies a project references declare for its browser declarations.</summary>
/// <param name="Actions">Their actions and presence metadata, modelled as the ones in source.</param>
/// <param name="Uses">The endpoint uses they recorded (<see cref="EndpointUseRecord"/>).</param>
internal sealed record ReferencedDeclarations(EquatableArray<ActionModel> Actions, EquatableArray<EndpointUse> Uses)
{
    /// <summary>Nothing: the value when the browser declarations are off.</summary>
    public static readonly ReferencedDeclarations None = new(EquatableArray<ActionModel>.Empty, EquatableArray<EndpointUse>.Empty);
}
