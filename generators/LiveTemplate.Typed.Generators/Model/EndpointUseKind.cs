namespace LiveTemplate.Typed.Generators.Model;

/// <summary>The endpoint calls that tell what a browser may send.</summary>
internal enum EndpointUseKind
{
    /// <summary><c>LiveEndpointOptions.AllowFromBrowser&lt;TAction&gt;()</c>.</summary>
    AllowFromBrowser,

    /// <summary><c>LiveEndpointOptions.UsePresence&lt;TMetadata&gt;()</c>.</summary>
    UsePresence,
}
