using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// Something in an action's declaration the generator cannot honour: the analyzer reports it, the generator skips the
/// action. It holds a location and symbols' names, so it never enters the incremental model.
/// </summary>
/// <param name="Descriptor">The diagnostic to report.</param>
/// <param name="Location">Where, in source; null for a declaration outside it (the analyzer uses the action's location).</param>
/// <param name="Arguments">The message arguments.</param>
internal sealed record ShapeProblem(DiagnosticDescriptor Descriptor, Location? Location, object[] Arguments);
