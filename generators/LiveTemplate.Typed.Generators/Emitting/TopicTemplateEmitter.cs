using System.Linq;
using LiveTemplate.Typed.Generators.Model;

namespace LiveTemplate.Typed.Generators.Emitting;

/// <summary>
/// Writes what a topic template gives an action: <c>ITemplatedTopicAction.TopicOf</c> (its publish needs no topic), and
/// for subscribers <c>TopicFor(...)</c> (the exact topic for given member values) and <c>AnyTopic</c> (the pattern that
/// matches every value).
/// </summary>
internal static class TopicTemplateEmitter
{
    public static void Write(SourceWriter w, string type, TopicTemplateModel topic)
    {
        var members = topic.Parts.Where(p => p.Member is not null).ToList();
        var parameters = string.Join(", ", members.Select(p => $"{p.MemberType} {Literals.Identifier(ParameterName(p.Member!))}"));
        var arguments = string.Join(", ", members.Select(p => "action." + Literals.Identifier(p.Member!)));
        var text = string.Join(" + \"/\" + ", topic.Parts.Select(Segment));
        var template = Literals.Xml(topic.Template);

        w.WriteLine($"/// <summary>The topic of the action for these values of its members, as its template {template} says.</summary>");
        w.WriteLine("/// <exception cref=\"global::System.ArgumentException\">A value does not make one topic segment.</exception>");
        w.WriteLine($"public static global::LiveTemplate.Typed.Topic TopicFor({parameters})");
        w.WriteLine($"    => new global::LiveTemplate.Typed.Topic({text});");
        w.WriteLine();
        w.WriteLine($"/// <summary>The pattern that matches the action's topic for every value of its members ({Literals.Xml(topic.AnyPattern)}).</summary>");
        w.WriteLine($"public static global::LiveTemplate.Typed.TopicPattern AnyTopic => new global::LiveTemplate.Typed.TopicPattern({Literals.String(topic.AnyPattern)});");
        w.WriteLine();
        w.WriteLine($"static global::LiveTemplate.Typed.Topic global::LiveTemplate.Typed.ITemplatedTopicAction<{type}>.TopicOf({type} action) => TopicFor({arguments});");
        w.WriteLine();
    }

    private static string Segment(TopicTemplatePart part)
    {
        if (part.Member is null)
        {
            return Literals.String(part.Literal!);
        }

        var name = Literals.Identifier(ParameterName(part.Member));
        var value = part.IsText ? name : $"{name}.ToString(null, global::System.Globalization.CultureInfo.InvariantCulture)";
        return $"global::LiveTemplate.Typed.Generated.TopicSegment.Of({value}, {Literals.String(part.Member)})";
    }

    private static string ParameterName(string member) => char.ToLowerInvariant(member[0]) + member.Substring(1);
}
