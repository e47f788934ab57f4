using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>A member whose type an action cannot carry (the analyzer reports it; the generator skips the action).</summary>
/// <param name="Member">The member, for its location; null when the problem is the action type itself.</param>
/// <param name="MemberName">The member's name.</param>
/// <param name="OwnerName">The type that declares it.</param>
/// <param name="TypeName">The member's type as the user wrote it.</param>
/// <param name="Reason">Why it is not supported.</param>
internal sealed record ShapeProblem(ISymbol? Member, string MemberName, string OwnerName, string TypeName, string Reason);
