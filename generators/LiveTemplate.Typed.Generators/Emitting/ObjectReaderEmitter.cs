using System.Collections.Generic;
using System.Linq;
using LiveTemplate.Typed.Generators.Model;
using LiveTemplate.Typed.Generators.Parsing;

namespace LiveTemplate.Typed.Generators.Emitting;

/// <summary>
/// Writes the method that reads an object: one local per member, a loop over the JSON properties that reads each into
/// its local, then the checks of what was absent and the construction. Members whose absence matters (required ones,
/// then those that keep the type's value) each get a bit of a <c>found</c> word; the runtime's helpers take the cold
/// paths (a member's error, a missing member), so each member costs a few lines.
/// </summary>
internal static class ObjectReaderEmitter
{
    public static void Write(SourceWriter writer, ObjectModel model, JsonClassNames names)
    {
        writer.OpenBlock($"public static bool {names.ReaderOf(model.Name)}(ref Utf8JsonReader reader, out {model.TypeName} value, out ActionDataError? error)");
        writer.WriteLine("if (reader.TokenType != JsonTokenType.StartObject) return ActionJsonReader.Fail(\"an object\", ref reader, out value, out error);");

        var plan = new ReaderPlan(model, names.Scope);
        foreach (var member in plan.WithLocals)
        {
            writer.WriteLine($"{member.Type.TypeName} {plan.Local(member)} = {Literals.Constant(member.DefaultValue, member.Type)};");
        }

        foreach (var word in plan.Words)
        {
            writer.WriteLine($"ulong {word} = 0;");
        }

        writer.OpenBlock("while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)");
        var keyword = "if";
        foreach (var member in model.Members.Where(m => m.IsRead))
        {
            writer.OpenBlock($"{keyword} (ActionJsonReader.ValueTextEquals(ref reader, {Literals.Utf8(member.JsonName)}))");
            writer.WriteLine("reader.Read();");
            writer.WriteLine($"if (!{names.ReadCall(member.Type, plan.Local(member))}) return ActionJsonReader.AtMember({Literals.String(member.JsonName)}, ref error, out value);");
            if (plan.Bit(member) is { } bit)
            {
                writer.WriteLine($"{bit.Word} |= {Literals.Mask(bit.Mask)};");
            }

            writer.CloseBlock();
            keyword = "else if";
        }

        var skip = model.RejectsUnknownMembers ? "return ActionJsonReader.UnknownMember(ref reader, out value, out error);" : "reader.Skip();";
        if (keyword == "if")
        {
            writer.WriteLine(skip);
        }
        else
        {
            writer.OpenBlock("else");
            writer.WriteLine(skip);
            writer.CloseBlock();
        }

        writer.CloseBlock();
        writer.WriteLine();
        WriteMissingChecks(writer, plan);

        // The type's own code may refuse the values (a validating constructor): an error at this object's path, not a throw.
        writer.OpenBlock("try");
        WriteKeptValues(writer, model, plan);
        writer.WriteLine($"value = {Construction(model, plan, keep: true)};");
        writer.CloseBlock();
        writer.OpenBlock("catch (global::System.Exception exception) when (exception is not global::System.OutOfMemoryException)");
        writer.WriteLine("return ActionJsonReader.Refused(exception, out value, out error);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("error = null;");
        writer.WriteLine("return true;");
        writer.CloseBlock();
    }

    private static void WriteMissingChecks(SourceWriter writer, ReaderPlan plan)
    {
        foreach (var (word, mask, required) in plan.RequiredByWord())
        {
            writer.WriteLine($"if (({word} & {Literals.Mask(mask)}) != {Literals.Mask(mask)}) return ActionJsonReader.Missing({word}, new[] {{ {string.Join(", ", required.Select(m => Literals.String(m.JsonName)))} }}, out value, out error);");
        }
    }

    /// <summary>A member the data leaves out keeps the value the type gives it: read from an instance built without it.</summary>
    private static void WriteKeptValues(SourceWriter writer, ObjectModel model, ReaderPlan plan)
    {
        var kept = model.Members.Where(m => m.Absent == AbsentValue.Keep && m.IsRead).ToList();
        if (kept.Count == 0)
        {
            return;
        }

        var incomplete = string.Join(" || ", plan.KeptByWord().Select(w => $"({w.Word} & {Literals.Mask(w.Mask)}) != {Literals.Mask(w.Mask)}"));
        writer.OpenBlock($"if ({incomplete})");
        writer.WriteLine($"var {plan.Defaults} = {Construction(model, plan, keep: false)};");
        foreach (var member in kept)
        {
            var bit = plan.Bit(member)!.Value;
            writer.OpenBlock($"if (({bit.Word} & {Literals.Mask(bit.Mask)}) == 0)");
            writer.WriteLine($"{plan.Local(member)} = {plan.Defaults}.{Literals.Identifier(member.Name)};");
            writer.CloseBlock();
        }

        writer.CloseBlock();
        writer.WriteLine();
    }

    /// <summary>The <c>new</c> expression: constructor arguments, then the members an initializer sets (only the required ones when not <paramref name="keep"/>).</summary>
    private static string Construction(ObjectModel model, ReaderPlan plan, bool keep)
    {
        var arguments = string.Join(", ", model.Members.Where(m => m.Binding == MemberBinding.ConstructorParameter).Select(plan.Local));
        var initialized = model.Members
            .Where(m => m.IsRequiredMember || (keep && m.Binding == MemberBinding.Initializer && m.IsRead))
            .Select(m => $"{Literals.Identifier(m.Name)} = {plan.Local(m)}")
            .ToList();
        return initialized.Count == 0
            ? $"new {model.TypeName}({arguments})"
            : $"new {model.TypeName}({arguments}) {{ {string.Join(", ", initialized)} }}";
    }

    /// <summary>The locals of one object reader and the bits of its <c>found</c> words.</summary>
    private sealed class ReaderPlan
    {
        private const int BitsPerWord = 64;
        private static readonly string[] Reserved = ["reader", "value", "error", "exception", "_"];

        private readonly Dictionary<MemberModel, string> _locals = new();
        private readonly Dictionary<MemberModel, int> _bits = new();
        private readonly List<string> _words = new();

        public ReaderPlan(ObjectModel model, IdentifierScope classScope)
        {
            var scope = new IdentifierScope(classScope.Used.Concat(Reserved));
            WithLocals = model.Members.Where(m => m.Binding == MemberBinding.ConstructorParameter || m.IsRead).ToList();
            var tracked = model.Members.Where(m => m.IsRead && m.Absent == AbsentValue.Required)
                .Concat(model.Members.Where(m => m.IsRead && m.Absent == AbsentValue.Keep))
                .ToList();
            for (var i = 0; i < tracked.Count; i++)
            {
                if (i % BitsPerWord == 0)
                {
                    _words.Add(scope.Claim("found"));
                }

                _bits[tracked[i]] = i;
            }

            Defaults = scope.Claim("defaults");
            foreach (var member in WithLocals)
            {
                _locals[member] = Literals.Identifier(scope.Claim(ActionNaming.CamelCase(member.Name)));
            }

            Required = tracked.Where(m => m.Absent == AbsentValue.Required).ToList();
            Tracked = tracked;
        }

        public List<MemberModel> WithLocals { get; }

        public IReadOnlyList<string> Words => _words;

        public string Defaults { get; }

        private List<MemberModel> Required { get; }

        private List<MemberModel> Tracked { get; }

        public string Local(MemberModel member) => _locals[member];

        public (string Word, ulong Mask)? Bit(MemberModel member)
            => _bits.TryGetValue(member, out var bit) ? (_words[bit / BitsPerWord], 1UL << (bit % BitsPerWord)) : null;

        /// <summary>Per word, the mask of its required bits and their members (required members take the lowest bits).</summary>
        public IEnumerable<(string Word, ulong Mask, List<MemberModel> Members)> RequiredByWord()
            => Required.GroupBy(m => _bits[m] / BitsPerWord).Select(g => (_words[g.Key], g.Aggregate(0UL, (mask, m) => mask | Bit(m)!.Value.Mask), g.ToList()));

        /// <summary>Per word, the mask of its bits of members that keep the type's value.</summary>
        public IEnumerable<(string Word, ulong Mask)> KeptByWord()
            => Tracked.Where(m => m.Absent == AbsentValue.Keep).GroupBy(m => _bits[m] / BitsPerWord).Select(g => (_words[g.Key], g.Aggregate(0UL, (mask, m) => mask | Bit(m)!.Value.Mask)));
    }
}
