using System.Collections.Generic;
using System.Linq;

namespace LiveTemplate.Typed.Generators.Model;

/// <summary>An action's topic template: its segments, each literal text or one of the action's members.</summary>
/// <param name="Template">The template as written (<c>room/{RoomId}</c>).</param>
/// <param name="Parts">The segments in order.</param>
/// <param name="TopicFor">How <c>public static Topic TopicFor(...)</c> is declared.</param>
/// <param name="AnyTopic">How <c>public static TopicPattern AnyTopic</c> is declared.</param>
internal sealed record TopicTemplateModel(
    string Template,
    EquatableArray<TopicTemplatePart> Parts,
    ConstantDeclaration TopicFor = ConstantDeclaration.Declare,
    ConstantDeclaration AnyTopic = ConstantDeclaration.Declare)
{
    /// <summary>The pattern that matches the action's topic for every value: each member segment is <c>*</c>.</summary>
    public string AnyPattern => string.Join("/", Parts.Select(p => p.Member is null ? p.Literal : "*"));

    /// <summary>The member segments, each member once (a member named twice is one value): the parameters of <c>TopicFor</c>, in order.</summary>
    public List<TopicTemplatePart> Parameters => Parts.Where(p => p.Member is not null).Distinct().ToList();
}

/// <summary>One segment of a topic template.</summary>
/// <param name="Literal">The segment's text, or null for a member.</param>
/// <param name="Member">The member's C# name, or null for literal text.</param>
/// <param name="MemberType">The member's C# type, fully qualified (for the helper's parameter).</param>
/// <param name="IsText">True when the member is a string (written as it is), false for a number or Guid (written invariantly).</param>
internal sealed record TopicTemplatePart(string? Literal, string? Member, string? MemberType, bool IsText);
