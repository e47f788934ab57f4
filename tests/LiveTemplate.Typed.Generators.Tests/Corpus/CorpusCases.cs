namespace LiveTemplate.Typed.Generators.Tests.Corpus;

/// <summary>
/// The corpus: declarations generated from member types × the ways a member is declared × nesting, plus the
/// System.Text.Json and ordinary attributes, the names that could collide with generated ones, and the declarations
/// that must be refused. <c>NAME</c> in a declaration becomes the case's own action name.
/// </summary>
internal static partial class CorpusCases
{
    public static IReadOnlyList<CorpusCase> All { get; } = [.. TypeCases(), .. AttributeCases(), .. NamingCases(), .. DeclarationCases(), .. ShapeCases(), .. RefusedCases()];

    /// <summary>An action declaration: <c>[ServerAction(NAME)] public sealed partial record A(...) { ... }</c>.</summary>
    private static string Action(string parameters, string body = "", string attribute = "ServerAction(NAME)", string keyword = "sealed partial record", string name = "A")
        => $"[{attribute}]\npublic {keyword} {name}({parameters})" + (body.Length == 0 ? ";" : "\n{\n    " + body.Replace("\n", "\n    ") + "\n}");

    /// <summary>Every member type in every way a member can be declared, directly and nested.</summary>
    private static IEnumerable<CorpusCase> TypeCases()
    {
        foreach (var type in MemberTypes.All)
        {
            foreach (var corpusCase in TypeCasesOf(type))
            {
                yield return corpusCase with { UnlikeStj = type.UnlikeStj };
            }
        }
    }

    private static IEnumerable<CorpusCase> TypeCasesOf(MemberType type)
    {
        var t = type.CSharp;
        var support = type.Support;
        string With(string code) => support.Length == 0 ? code : code + "\n" + support;
        string[] Samples(Func<string, string> make) => type.Samples.Select(make).ToArray();

        // One action per way of declaring a member: each compiled action costs the batch its generated code.
        var all = string.Join(", ", type.Samples);
        var byKey = string.Join(", ", type.Samples.Select((s, i) => $"[\"k{i}\"] = {s}"));
        yield return CorpusCase.RoundTrip(
            $"{type.Name}: positional, in a list, a dictionary and a nested record",
            With(Action($"int Id, {t} Value, List<{t}> Values, IReadOnlyDictionary<string, {t}> ByKey, Holder Inner, Holder? Maybe") + $"\npublic sealed record Holder({t} Value);"),
            "A",
            Samples(s => $"new A(1, {s}, new List<{t}> {{ {all} }}, new Dictionary<string, {t}> {{ {byKey} }}, new Holder({s}), null)"));
        if (type.Default is { } literal)
        {
            yield return CorpusCase.RoundTrip($"{type.Name}: positional with a default", With(Action($"int Id, {t} Value = {literal}")), "A", Samples(s => $"new A(1, {s})"))
                with { Reads = [("""{"id":1}""", "ok")] };
        }

        yield return CorpusCase.RoundTrip(
            $"{type.Name}: init, required and set properties",
            With(Action("int Id, Holder Inner", $"public {t} Value {{ get; init; }}\npublic required {t} Required {{ get; init; }}") + $"\npublic sealed class Holder {{ public {t} Value {{ get; set; }} = {type.Sample}; }}"),
            "A",
            Samples(s => $"new A(1, new Holder {{ Value = {s} }}) {{ Value = {s}, Required = {s} }}"))
            with { Reads = [("""{"id":1,"inner":{}}""", "error required: is required but missing")] };
        yield return CorpusCase.RoundTrip($"{type.Name}: record struct", With(Action($"int Id, {t} Value", keyword: "partial record struct", attribute: "GroupAction(NAME)")), "A", Samples(s => $"new A(1, {s})"));
    }
}
