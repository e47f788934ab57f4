using System.Collections.Generic;
using System.Linq;
using LiveTemplate.Typed.Generators.Model;
using LiveTemplate.Typed.Generators.Parsing;

namespace LiveTemplate.Typed.Generators.Emitting;

/// <summary>
/// Writes the file-local JSON class of an action: for the action and each nested object a writer, a reader and
/// its encoded property names; for each enum a writer and a reader by name; for each collection or nullable a
/// writer and a reader composed from the runtime's <c>ActionJsonWriter</c>/<c>ActionJsonReader</c>.
/// </summary>
internal static class JsonEmitter
{
    private const string ReaderParameters = "ref Utf8JsonReader reader";
    private const string ErrorParameter = "[NotNullWhen(false)] out ActionDataError? error";
    private static readonly HashSet<string> ReservedLocals = new(System.StringComparer.Ordinal) { "reader", "value", "error", "read" };

    public static void WriteClass(SourceWriter writer, string className, ActionModel action)
    {
        var objects = new List<ObjectModel> { action.Root };
        objects.AddRange(action.Objects);

        writer.WriteLine($"/// <summary>Writes and reads the JSON of <see cref=\"{action.Declaration.FullTypeName}\"/> and the types it contains, without reflection.</summary>");
        writer.OpenBlock($"file static class {className}");
        var first = true;
        foreach (var model in objects)
        {
            Separate(writer, ref first);
            WriteObjectWriter(writer, model);
            writer.WriteLine();
            WriteObjectReader(writer, model);
        }

        foreach (var model in action.Enums)
        {
            Separate(writer, ref first);
            WriteEnumWriter(writer, model);
            writer.WriteLine();
            WriteEnumReader(writer, model);
        }

        foreach (var composite in Composites(objects))
        {
            Separate(writer, ref first);
            WriteCompositeWriter(writer, composite);
            writer.WriteLine();
            WriteCompositeReader(writer, composite);
        }

        foreach (var model in objects.Where(o => o.Members.Count > 0))
        {
            Separate(writer, ref first);
            WritePropertyNames(writer, model);
        }

        writer.CloseBlock();
    }

    private static void WriteObjectWriter(SourceWriter writer, ObjectModel model)
    {
        writer.OpenBlock($"public static void Write{model.Name}(Utf8JsonWriter writer, {model.TypeName} value)");
        if (!model.IsValueType)
        {
            writer.OpenBlock("if (value is null)");
            writer.WriteLine("writer.WriteNullValue();");
            writer.WriteLine("return;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("writer.WriteStartObject();");
        foreach (var member in model.Members)
        {
            var name = $"{model.Name}Properties.{member.PropertyName}";
            if (PropertyWriterOf(member.Type.Kind) is { } write)
            {
                writer.WriteLine($"writer.{write}({name}, value.{member.PropertyName});");
                continue;
            }

            writer.WriteLine($"writer.WritePropertyName({name});");
            writer.WriteLine($"{WriterOf(member.Type)}(writer, value.{member.PropertyName});");
        }

        writer.WriteLine("writer.WriteEndObject();");
        writer.CloseBlock();
    }

    private static void WriteObjectReader(SourceWriter writer, ObjectModel model)
    {
        writer.OpenBlock($"public static bool TryRead{model.Name}({ReaderParameters}, [MaybeNullWhen(false)] out {model.TypeName} value, {ErrorParameter})");
        writer.OpenBlock("if (reader.TokenType != JsonTokenType.StartObject)");
        writer.WriteLine("return ActionJsonReader.Fail(\"an object\", ref reader, out value, out error);");
        writer.CloseBlock();
        writer.WriteLine();

        var locals = Locals(model);
        foreach (var member in model.Members)
        {
            var local = locals[member];
            writer.WriteLine($"{member.Type.TypeName} {local.Value} = {member.DefaultValue ?? "default"};");
            if (member.IsRequired)
            {
                writer.WriteLine($"bool {local.Found} = false;");
            }
        }

        if (model.Members.Count > 0)
        {
            writer.WriteLine();
        }

        writer.OpenBlock("while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)");
        var keyword = "if";
        foreach (var member in model.Members)
        {
            var local = locals[member];
            writer.OpenBlock($"{keyword} (reader.ValueTextEquals({Literals.Utf8(member.JsonName)}))");
            writer.WriteLine("reader.Read();");
            writer.OpenBlock($"if (!{ReaderOf(member.Type)}(ref reader, out {local.Value}, out error))");
            writer.WriteLine("value = default;");
            writer.WriteLine($"error = error.AtMember({Literals.String(member.JsonName)});");
            writer.WriteLine("return false;");
            writer.CloseBlock();
            if (member.IsRequired)
            {
                writer.WriteLine();
                writer.WriteLine($"{local.Found} = true;");
            }

            writer.CloseBlock();
            keyword = "else if";
        }

        if (model.Members.Count > 0)
        {
            writer.OpenBlock("else");
            writer.WriteLine("reader.Skip();");
            writer.CloseBlock();
        }
        else
        {
            writer.WriteLine("reader.Skip();");
        }

        writer.CloseBlock();
        writer.WriteLine();

        foreach (var member in model.Members.Where(m => m.IsRequired))
        {
            writer.OpenBlock($"if (!{locals[member].Found})");
            writer.WriteLine("value = default;");
            writer.WriteLine($"error = ActionDataError.Missing({Literals.String(member.JsonName)});");
            writer.WriteLine("return false;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        WriteConstruction(writer, model, locals);
        writer.WriteLine("error = null;");
        writer.WriteLine("return true;");
        writer.CloseBlock();
    }

    private static void WriteConstruction(SourceWriter writer, ObjectModel model, Dictionary<MemberModel, (string Value, string Found)> locals)
    {
        var arguments = string.Join(", ", model.Members.Where(m => m.IsConstructorParameter).Select(m => locals[m].Value));
        var initialized = model.Members.Where(m => !m.IsConstructorParameter).ToList();
        if (initialized.Count == 0)
        {
            writer.WriteLine($"value = new {model.TypeName}({arguments});");
            return;
        }

        writer.WriteLine($"value = new {model.TypeName}({arguments})");
        writer.OpenBlock();
        foreach (var member in initialized)
        {
            writer.WriteLine($"{member.PropertyName} = {locals[member].Value},");
        }

        writer.CloseBlock(";");
    }

    private static void WritePropertyNames(SourceWriter writer, ObjectModel model)
    {
        writer.OpenBlock($"private static class {model.Name}Properties");
        foreach (var member in model.Members)
        {
            writer.WriteLine($"public static readonly JsonEncodedText {member.PropertyName} = JsonEncodedText.Encode({Literals.String(member.JsonName)});");
        }

        writer.CloseBlock();
    }

    private static void WriteEnumWriter(SourceWriter writer, EnumModel model)
    {
        writer.OpenBlock($"public static void Write{model.Name}(Utf8JsonWriter writer, {model.TypeName} value)");
        writer.OpenBlock("switch (value)");
        var written = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var member in model.Members)
        {
            // Aliases share a value: the first name declared is the one written.
            if (!written.Add(member.Value))
            {
                continue;
            }

            writer.WriteLine($"case {model.TypeName}.{Identifier(member.Name)}:");
            writer.Indent();
            writer.WriteLine($"writer.WriteStringValue({Literals.Utf8(member.Name)});");
            writer.WriteLine("return;");
            writer.Outdent();
        }

        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("// A value without a name (a combination of flags, for example) is written as its number.");
        writer.WriteLine($"writer.WriteNumberValue(({model.UnderlyingKeyword})value);");
        writer.CloseBlock();
    }

    private static void WriteEnumReader(SourceWriter writer, EnumModel model)
    {
        writer.OpenBlock($"public static bool TryRead{model.Name}({ReaderParameters}, out {model.TypeName} value, {ErrorParameter})");
        writer.OpenBlock("if (reader.TokenType == JsonTokenType.String)");
        foreach (var member in model.Members)
        {
            writer.OpenBlock($"if (reader.ValueTextEquals({Literals.Utf8(member.Name)}))");
            writer.WriteLine($"value = {model.TypeName}.{Identifier(member.Name)};");
            writer.WriteLine("error = null;");
            writer.WriteLine("return true;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        var names = string.Join(", ", model.Members.Select(m => m.Name));
        writer.WriteLine("value = default;");
        writer.WriteLine($"error = ActionDataError.Invalid({Literals.String(model.Members.Count == 0 ? "must be a number (the enum has no names)" : "must be one of " + names)});");
        writer.WriteLine("return false;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.OpenBlock("if (reader.TokenType != JsonTokenType.Number)");
        writer.WriteLine($"return ActionJsonReader.Fail({Literals.String("a name of " + SimpleName(model.TypeName))}, ref reader, out value, out error);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"var read = ActionJsonReader.TryRead{model.UnderlyingType}(ref reader, out var number, out error);");
        writer.WriteLine($"value = ({model.TypeName})number;");
        writer.WriteLine("return read;");
        writer.CloseBlock();
    }

    private static void WriteCompositeWriter(SourceWriter writer, TypeModel type)
    {
        var element = type.Element!;
        var helper = type.Kind switch
        {
            ValueKind.Nullable => "WriteNullable",
            ValueKind.OrNull => "WriteOrNull",
            ValueKind.Dictionary or ValueKind.ReadOnlyDictionary => "WriteDictionary",
            _ => "WriteList",
        };
        writer.WriteLine($"public static void Write{type.Name}(Utf8JsonWriter writer, {type.TypeName} value)");
        writer.WriteLine($"    => ActionJsonWriter.{helper}<{element.TypeName}>(writer, value, {WriterOf(element)});");
    }

    private static void WriteCompositeReader(SourceWriter writer, TypeModel type)
    {
        var element = type.Element!;
        var signature = type.Kind == ValueKind.Nullable
            ? $"public static bool TryRead{type.Name}({ReaderParameters}, out {type.TypeName} value, {ErrorParameter})"
            : $"public static bool TryRead{type.Name}({ReaderParameters}, [MaybeNullWhen(false)] out {type.TypeName} value, {ErrorParameter})";
        var (helper, exact) = type.Kind switch
        {
            ValueKind.Nullable => ("TryReadNullable", true),
            ValueKind.OrNull => ("TryReadOrNull", true),
            ValueKind.Array => ("TryReadArray", true),
            ValueKind.List => ("TryReadList", true),
            ValueKind.Dictionary => ("TryReadDictionary", true),
            ValueKind.ReadOnlyDictionary => ("TryReadDictionary", false),
            _ => ("TryReadList", false),
        };

        writer.WriteLine(signature);
        if (exact)
        {
            writer.WriteLine($"    => ActionJsonReader.{helper}<{element.TypeName}>(ref reader, {ReaderOf(element)}, out value, out error);");
            return;
        }

        // Read into the concrete collection, then hand it out as the interface the member declares.
        writer.OpenBlock();
        writer.WriteLine($"var read = ActionJsonReader.{helper}<{element.TypeName}>(ref reader, {ReaderOf(element)}, out var items, out error);");
        writer.WriteLine("value = items;");
        writer.WriteLine("return read;");
        writer.CloseBlock();
    }

    /// <summary>Every collection and nullable type the objects use, inner ones included, ordered by method name.</summary>
    private static IEnumerable<TypeModel> Composites(IEnumerable<ObjectModel> objects)
    {
        var found = new Dictionary<string, TypeModel>(System.StringComparer.Ordinal);
        foreach (var member in objects.SelectMany(o => o.Members))
        {
            for (var type = member.Type; type is { IsComposite: true }; type = type.Element)
            {
                found[type.Name] = type;
            }
        }

        return found.Values.OrderBy(t => t.Name, System.StringComparer.Ordinal);
    }

    private static string ReaderOf(TypeModel type) => type.IsGenerated ? "TryRead" + type.Name : "ActionJsonReader.TryRead" + type.Name;

    /// <summary>
    /// Utf8JsonWriter's own name-and-value method for a member of this kind, when it writes the value exactly as the
    /// ActionJsonWriter helper does (one call instead of two, as the System.Text.Json generator emits); else null.
    /// </summary>
    private static string? PropertyWriterOf(ValueKind kind) => kind switch
    {
        ValueKind.Boolean => "WriteBoolean",
        ValueKind.Int32 or ValueKind.UInt32 or ValueKind.Int64 or ValueKind.UInt64 or ValueKind.Single or ValueKind.Double or ValueKind.Decimal => "WriteNumber",
        ValueKind.String or ValueKind.Guid or ValueKind.DateTime or ValueKind.DateTimeOffset => "WriteString",
        _ => null,
    };

    private static string WriterOf(TypeModel type) => type.IsGenerated ? "Write" + type.Name : "ActionJsonWriter.Write" + type.Name;

    private static Dictionary<MemberModel, (string Value, string Found)> Locals(ObjectModel model)
    {
        var used = new HashSet<string>(ReservedLocals, System.StringComparer.Ordinal);
        var locals = new Dictionary<MemberModel, (string, string)>();
        foreach (var member in model.Members)
        {
            var bare = member.PropertyName.TrimStart('@');
            var value = Unique(used, ActionNaming.CamelCase(bare));
            var found = Unique(used, "found" + char.ToUpperInvariant(bare[0]) + bare.Substring(1));
            locals[member] = (Identifier(value), found);
        }

        return locals;
    }

    private static string Unique(HashSet<string> used, string name)
    {
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static string Identifier(string name)
        => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;

    private static string SimpleName(string typeName)
    {
        var dot = typeName.LastIndexOf('.');
        return dot < 0 ? typeName.Replace("global::", string.Empty) : typeName.Substring(dot + 1);
    }

    private static void Separate(SourceWriter writer, ref bool first)
    {
        if (!first)
        {
            writer.WriteLine();
        }

        first = false;
    }
}
