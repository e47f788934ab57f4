using System.Collections.Generic;
using System.Linq;
using LiveTemplate.Typed.Generators.Model;

namespace LiveTemplate.Typed.Generators.Emitting;

/// <summary>Writes an enum's writer and reader: by JSON name (numbers accepted when reading, as JsonStringEnumConverter does), or by number only.</summary>
internal static class EnumEmitter
{
    public static void Write(SourceWriter writer, EnumModel model, JsonClassNames names)
    {
        var writerName = names.WriterOf(model.Name);
        var readerName = names.ReaderOf(model.Name);
        if (model.ByNumber)
        {
            writer.WriteLine($"public static void {writerName}(Utf8JsonWriter writer, {model.TypeName} value) => writer.WriteNumberValue(({model.UnderlyingKeyword})value);");
            writer.WriteLine();
            writer.OpenBlock($"public static bool {readerName}(ref Utf8JsonReader reader, out {model.TypeName} value, out ActionDataError? error)");
            WriteNumberRead(writer, model, "a number");
            writer.CloseBlock();
            return;
        }

        writer.OpenBlock($"public static void {writerName}(Utf8JsonWriter writer, {model.TypeName} value)");
        if (model.Members.Count > 0)
        {
            writer.OpenBlock("switch (value)");
            var written = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var member in model.Members.Where(m => written.Add(m.Value)))
            {
                // Aliases share a value: the first name declared is the one written.
                writer.WriteLine($"case {model.TypeName}.{Literals.Identifier(member.Name)}: ActionJsonWriter.WriteText(writer, {Literals.Utf8(member.JsonName)}); return;");
            }

            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("// A value without a name (a combination of flags, for example) is written as its number.");
        writer.WriteLine($"writer.WriteNumberValue(({model.UnderlyingKeyword})value);");
        writer.CloseBlock();
        writer.WriteLine();

        writer.OpenBlock($"public static bool {readerName}(ref Utf8JsonReader reader, out {model.TypeName} value, out ActionDataError? error)");
        writer.OpenBlock("if (reader.TokenType == JsonTokenType.String)");
        foreach (var member in model.Members)
        {
            writer.WriteLine($"if (ActionJsonReader.ValueTextEquals(ref reader, {Literals.Utf8(member.JsonName)})) return ActionJsonReader.Success({model.TypeName}.{Literals.Identifier(member.Name)}, out value, out error);");
        }

        var allowed = model.Members.Count == 0 ? "must be a number (the enum has no names)" : "must be one of " + string.Join(", ", model.Members.Select(m => m.JsonName));
        if (model.IsFlags && model.Members.Count > 0)
        {
            WriteFlagsRead(writer, model, allowed);
        }
        else
        {
            writer.WriteLine($"return ActionJsonReader.Invalid({Literals.String(allowed)}, out value, out error);");
        }

        writer.CloseBlock();
        writer.WriteLine();
        WriteNumberRead(writer, model, "a name of " + SimpleName(model.TypeName));
        writer.CloseBlock();
    }

    // A combination of [Flags] as System.Text.Json writes it ("Read, Write"): every part one of the names.
    private static void WriteFlagsRead(SourceWriter writer, EnumModel model, string allowed)
    {
        writer.OpenBlock("if (!ActionJsonReader.TryReadString(ref reader, out var text, out error))");
        writer.WriteLine("value = default;");
        writer.WriteLine("return false;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"var combined = default({model.TypeName});");
        writer.OpenBlock("foreach (var part in text.Split(','))");
        writer.OpenBlock("switch (part.Trim(' '))");
        foreach (var member in model.Members)
        {
            writer.WriteLine($"case {Literals.String(member.JsonName)}: combined |= {model.TypeName}.{Literals.Identifier(member.Name)}; break;");
        }

        writer.WriteLine($"default: return ActionJsonReader.Invalid({Literals.String(allowed)}, out value, out error);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return ActionJsonReader.Success(combined, out value, out error);");
    }

    private static void WriteNumberRead(SourceWriter writer, EnumModel model, string expected)
    {
        writer.OpenBlock("if (reader.TokenType != JsonTokenType.Number)");
        writer.WriteLine($"return ActionJsonReader.Fail({Literals.String(expected)}, ref reader, out value, out error);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"var read = ActionJsonReader.TryRead{model.UnderlyingType}(ref reader, out var number, out error);");
        writer.WriteLine($"value = ({model.TypeName})number;");
        writer.WriteLine("return read;");
    }

    private static string SimpleName(string typeName)
    {
        var dot = typeName.LastIndexOf('.');
        return dot < 0 ? typeName.Replace("global::", string.Empty) : typeName.Substring(dot + 1);
    }
}
