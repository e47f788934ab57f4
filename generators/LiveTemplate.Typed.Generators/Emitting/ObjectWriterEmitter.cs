using System.Linq;
using LiveTemplate.Typed.Generators.Model;

namespace LiveTemplate.Typed.Generators.Emitting;

/// <summary>Writes the method that writes an object: its members by <c>[JsonPropertyOrder]</c>, each as its <c>[JsonIgnore]</c> condition says.</summary>
internal static class ObjectWriterEmitter
{
    public static void Write(SourceWriter writer, ObjectModel model, JsonClassNames names, System.Func<TypeModel, bool> isStruct)
    {
        writer.OpenBlock($"public static void {names.WriterOf(model.Name)}(Utf8JsonWriter writer, {model.TypeName} value)");
        if (!model.IsValueType)
        {
            writer.WriteLine("if (value is null) { writer.WriteNullValue(); return; }");
        }

        writer.WriteLine("writer.WriteStartObject();");
        var ordered = model.Members.Select((m, i) => (Member: m, Index: i)).OrderBy(p => p.Member.Order).ThenBy(p => p.Index).Select(p => p.Member);
        foreach (var member in ordered.Where(m => m.Write != WriteCondition.Never))
        {
            var access = "value." + Literals.Identifier(member.Name);
            var condition = member.Write switch
            {
                WriteCondition.WhenNotNull => $"{access} is not null",
                WriteCondition.WhenNotDefault when isStruct(member.Type) || IsValue(member.Type.Kind) => $"!ActionJsonWriter.IsDefault({access})",
                WriteCondition.WhenNotDefault => $"{access} is not null",
                _ => null,
            };
            if (condition is not null)
            {
                writer.OpenBlock($"if ({condition})");
            }

            var name = names.PropertyOf(model, member);
            if (NameAndValueWriterOf(member.Type) is { } write)
            {
                writer.WriteLine($"writer.{write}({name}, {access});");
            }
            else
            {
                writer.WriteLine($"writer.WritePropertyName({name});");
                writer.WriteLine($"{names.WriteCall(member.Type, access)};");
            }

            if (condition is not null)
            {
                writer.CloseBlock();
            }
        }

        writer.WriteLine("writer.WriteEndObject();");
        writer.CloseBlock();
    }

    /// <summary>
    /// Utf8JsonWriter's own name-and-value method for a member of this type, when it writes the value exactly as the
    /// ActionJsonWriter helper does (one call instead of two, as the System.Text.Json generator emits); else null.
    /// </summary>
    public static string? NameAndValueWriterOf(TypeModel type) => type.Kind switch
    {
        ValueKind.Boolean => "WriteBoolean",
        ValueKind.Int32 or ValueKind.UInt32 or ValueKind.Int64 or ValueKind.UInt64 or ValueKind.Single or ValueKind.Double or ValueKind.Decimal => "WriteNumber",
        ValueKind.String or ValueKind.Guid or ValueKind.DateTime or ValueKind.DateTimeOffset => "WriteString",

        // WriteString(name, string?) writes null for null, as the nullable helper does.
        ValueKind.OrNull when type.Element!.Kind == ValueKind.String => "WriteString",
        _ => null,
    };

    /// <summary>True for the kinds whose values are structs, apart from nested objects (the caller knows which are).</summary>
    private static bool IsValue(ValueKind kind)
        => kind is not (ValueKind.String or ValueKind.Bytes or ValueKind.Object or ValueKind.Nullable or ValueKind.OrNull) && kind < ValueKind.Object;
}
