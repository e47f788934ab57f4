using System.Collections.Generic;
using System.Linq;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// Reads <c>[TopicAction(Topic = "room/{RoomId}")]</c>: segments of the topic grammar, and <c>{Member}</c> segments that
/// name an instance property or field of the action of type string, an integer type or Guid that code generated into the
/// action can read (a member may be named by several segments: it is one value).
/// </summary>
internal static class TopicTemplateReader
{
    /// <summary>The template the attribute gives, or null when it gives none.</summary>
    public static string? TemplateOf(AttributeData attribute)
        => attribute.NamedArguments.FirstOrDefault(a => a.Key == "Topic").Value.Value as string;

    /// <summary>The template's model, or why it is refused (with the member it names, when the member is the problem).</summary>
    public static (TopicTemplateModel? Model, string? Problem, string? Member) Read(string template, INamedTypeSymbol type, PayloadContext payload)
    {
        if (template.StartsWith(TopicText.ReservedPrefix, System.StringComparison.Ordinal))
        {
            return (null, $"a template cannot name the reserved '{TopicText.ReservedPrefix}' namespace (publish to Topic.ForUser or Topic.ForSession instead)", null);
        }

        var parts = new List<TopicTemplatePart>();
        var sample = new List<string>();
        foreach (var segment in template.Split('/'))
        {
            if (segment.Length > 1 && segment[0] == '{' && segment[segment.Length - 1] == '}')
            {
                var name = segment.Substring(1, segment.Length - 2);
                var (part, problem) = MemberPart(type, name, payload);
                if (problem is not null)
                {
                    return (null, problem, name);
                }

                parts.Add(part!);
                sample.Add("x");
                continue;
            }

            if (segment.IndexOf('{') >= 0 || segment.IndexOf('}') >= 0)
            {
                return (null, $"'{segment}' mixes text and a member: a {{Member}} must be a whole segment", null);
            }

            parts.Add(new TopicTemplatePart(segment, null, null, false));
            sample.Add(segment);
        }

        if (TopicText.ExplainTopic(string.Join("/", sample)) is { } grammar)
        {
            return (null, grammar, null);
        }

        if (parts.All(p => p.Member is null))
        {
            return (null, "it names no member: a fixed topic needs no template, publish to new Topic(...) instead", null);
        }

        return (new TopicTemplateModel(template, new EquatableArray<TopicTemplatePart>(parts)), null, null);
    }

    /// <summary>
    /// The segment of member <paramref name="name"/>, found as <c>action.Name</c> in generated code binds: the nearest
    /// members of the name that the action can reach, where an inaccessible one (a base's private member) is no match.
    /// </summary>
    private static (TopicTemplatePart? Part, string? Problem) MemberPart(INamedTypeSymbol type, string name, PayloadContext payload)
    {
        ISymbol? inaccessible = null;
        for (var current = type; current is not null; current = current.BaseType)
        {
            var declared = current.GetMembers(name);
            var reachable = declared.Where(m => payload.IsAccessibleFrom(m, type)).ToList();
            if (reachable.Count == 0)
            {
                inaccessible ??= declared.FirstOrDefault(IsData);
                continue;
            }

            if (reachable.All(m => m is IPropertySymbol { IsOverride: true, GetMethod: null }))
            {
                continue; // an override of the setter alone: the getter is the overridden one's
            }

            // The nearest reachable members of the name hide every one further down: a method or a static member there is no segment.
            var member = reachable.FirstOrDefault(IsData);
            if (member is null)
            {
                break;
            }

            if (member is IPropertySymbol { GetMethod: { } getter } && !payload.IsAccessibleFrom(getter, type))
            {
                return (null, $"whose getter is not accessible from '{type.Name}' ({Word(getter.DeclaredAccessibility)} in '{current.Name}')");
            }

            var memberType = member is IPropertySymbol p ? p.Type : ((IFieldSymbol)member).Type;
            return memberType.SpecialType switch
            {
                SpecialType.System_String => (new TopicTemplatePart(null, name, "string", true), null),
                SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16
                    or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                    => (new TopicTemplatePart(null, name, memberType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), false), null),
                _ when KnownSymbols.Is(memberType, payload.Known.Guid) => (new TopicTemplatePart(null, name, "global::System.Guid", false), null),
                _ => (null, $"which is a {memberType.ToDisplayString()}: it cannot be a topic segment"),
            };
        }

        return inaccessible is null
            ? (null, "which is no instance property or field of it")
            : (null, $"which is not accessible from '{type.Name}' ({Word(inaccessible.DeclaredAccessibility)} in '{inaccessible.ContainingType.Name}')");
    }

    private static bool IsData(ISymbol member) => !member.IsStatic && member is IPropertySymbol { GetMethod: not null } or IFieldSymbol;

    private static string Word(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Internal => "internal",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedAndInternal => "private protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        _ => "private",
    };
}
