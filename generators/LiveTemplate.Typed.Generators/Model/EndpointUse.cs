namespace LiveTemplate.Typed.Generators.Model;

/// <summary>A type an endpoint names for browsers: an action it allows (<c>AllowFromBrowser&lt;T&gt;()</c>) or its presence metadata (<c>UsePresence&lt;T&gt;()</c>).</summary>
/// <param name="Kind">Which of the two calls names it.</param>
/// <param name="FullTypeName">The type argument, fully qualified (<c>global::Boards.MoveCard</c>).</param>
internal sealed record EndpointUse(EndpointUseKind Kind, string FullTypeName);
