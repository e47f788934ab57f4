using System.Collections.Generic;
using System.Linq;
using LiveTemplate.Typed.Generators.Model;

namespace LiveTemplate.Typed.Generators.Emitting;

/// <summary>
/// Writes what a topic template gives an action: <c>ITemplatedTopicAction.TopicOf</c> (its publish needs no topic), and
/// for subscribers <c>TopicFor(...)</c> (the exact topic for given member values) and <c>AnyTopic</c> (the pattern that
/// matches every value), each left out when the action's name is taken. <c>TopicOf</c> builds the topic itself, so
/// nothing depends on them.
/// </summary>
internal static class TopicTemplateEmitter
{
    public static void Write(SourceWriter w, string type, TopicTemplateModel topic)
    {
        var template = Literals.Xml(topic.Template);
        if (topic.TopicFor != ConstantDeclaration.Skip)
        {
            // One parameter per member, however many segments name it; the names never collide (Id and id).
            var scope = new IdentifierScope([]);
            var names = topic.Parameters.ToDictionary(p => p.Member!, p => Literals.Identifier(scope.Claim(ParameterName(p.Member!))), System.StringComparer.Ordinal);
            var parameters = string.Join(", ", topic.Parameters.Select(p => $"{p.MemberType} {names[p.Member!]}"));
            w.WriteLine($"/// <summary>The topic of the action for these values of its members, as its template {template} says.</summary>");
            w.WriteLine("/// <exception cref=\"global::System.ArgumentException\">A value does not make one topic segment.</exception>");
            w.WriteLine($"public {ActionEmitter.New(topic.TopicFor)}static global::LiveTemplate.Typed.Topic TopicFor({parameters})");
            w.WriteLine($"    => {TopicText(type, topic, names)};");
            w.WriteLine();
        }

        if (topic.AnyTopic != ConstantDeclaration.Skip)
        {
            w.WriteLine($"/// <summary>The pattern that matches the action's topic for every value of its members ({Literals.Xml(topic.AnyPattern)}).</summary>");
            w.WriteLine($"public {ActionEmitter.New(topic.AnyTopic)}static global::LiveTemplate.Typed.TopicPattern AnyTopic => new global::LiveTemplate.Typed.TopicPattern({Literals.String(topic.AnyPattern)});");
            w.WriteLine();
        }

        var members = topic.Parameters.ToDictionary(p => p.Member!, p => "action." + Literals.Identifier(p.Member!), System.StringComparer.Ordinal);
        w.WriteLine($"static global::LiveTemplate.Typed.Topic global::LiveTemplate.Typed.ITemplatedTopicAction<{type}>.TopicOf({type} action)");
        w.WriteLine($"    => {TopicText(type, topic, members)};");
        w.WriteLine();
    }

    /// <summary>The expression of the topic, with <paramref name="values"/> giving the expression of each member's value.</summary>
    private static string TopicText(string type, TopicTemplateModel topic, Dictionary<string, string> values)
        => $"global::LiveTemplate.Typed.Generated.TopicSegment.Topic({string.Join(" + \"/\" + ", topic.Parts.Select(p => Segment(p, values)))}, {Literals.String(type.Replace("global::", string.Empty))})";

    private static string Segment(TopicTemplatePart part, Dictionary<string, string> values)
    {
        if (part.Member is null)
        {
            return Literals.String(part.Literal!);
        }

        var name = values[part.Member];
        var value = part.IsText ? name : $"{name}.ToString(null, global::System.Globalization.CultureInfo.InvariantCulture)";
        return $"global::LiveTemplate.Typed.Generated.TopicSegment.Of({value}, {Literals.String(part.Member)})";
    }

    private static string ParameterName(string member) => char.ToLowerInvariant(member[0]) + member.Substring(1);

}
