namespace LiveTemplate.Typed.Generators.Model;

/// <summary>What the assemblies a project references declare for its browser declarations.</summary>
/// <param name="Actions">Their actions and presence metadata, modelled as the ones in source.</param>
/// <param name="Uses">The endpoint uses they recorded (<see cref="AssemblyRecords"/>).</param>
/// <param name="UnseenMemberOwners">
/// The types of their actions that they recorded as having data members that are not public, where the compilation
/// cannot see them (no InternalsVisibleTo): the declarations lack those members, and LTT1021 says so.
/// </param>
internal sealed record ReferencedDeclarations(EquatableArray<ActionModel> Actions, EquatableArray<EndpointUse> Uses, EquatableArray<string> UnseenMemberOwners)
{
    /// <summary>Nothing: the value when the browser declarations are off.</summary>
    public static readonly ReferencedDeclarations None = new(EquatableArray<ActionModel>.Empty, EquatableArray<EndpointUse>.Empty, EquatableArray<string>.Empty);
}
