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
            // Only a member or an element whose type accepts no null gets here with null (WriteOrNull writes the others).
            writer.WriteLine($"if (value is null) {{ throw ActionJsonWriter.NullValue({Literals.String(model.TypeName.Replace("global::", string.Empty))}); }}");
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
            if (condition is null && AcceptsNoNull(member.Type, isStruct))
            {
                // Refused by name here: every reader would refuse the null (strings and bytes check in their writers).
                writer.WriteLine($"if ({access} is null) {{ throw ActionJsonWriter.NullMember({name}); }}");
            }

            if (MemberWriterOf(member.Type) is { } write)
            {
                writer.WriteLine($"ActionJsonWriter.{write}(writer, {name}, {access});");
            }
            else
            {
                writer.WriteLine($"ActionJsonWriter.WriteName(writer, {name});");
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
    /// The runtime's name-and-value writer of a member of this type (one call, where Utf8JsonWriter's overloads would
    /// cost the compiler more), or null for the types whose value is written after <c>WriteName</c>.
    /// </summary>
    public static string? MemberWriterOf(TypeModel type) => type.Kind switch
    {
        < ValueKind.Enum => "Write" + type.Kind,

        // The string writers: WriteString refuses null, WriteStringOrNull writes it, as the nullable helper does.
        ValueKind.OrNull when type.Element!.Kind == ValueKind.String => "WriteStringOrNull",
        _ => null,
    };

    /// <summary>A nested class or a collection, whose declared type accepts no null: a null value is refused before it is written.</summary>
    private static bool AcceptsNoNull(TypeModel type, System.Func<TypeModel, bool> isStruct)
        => type.Kind is ValueKind.Array or ValueKind.List or ValueKind.ReadOnlyList or ValueKind.ReadOnlyCollection or ValueKind.Enumerable or ValueKind.Dictionary or ValueKind.ReadOnlyDictionary
           || (type.Kind == ValueKind.Object && !isStruct(type));

    /// <summary>True for the kinds whose values are structs, apart from nested objects (the caller knows which are).</summary>
    private static bool IsValue(ValueKind kind)
        => kind is not (ValueKind.String or ValueKind.Bytes or ValueKind.Object or ValueKind.Nullable or ValueKind.OrNull) && kind < ValueKind.Object;
}
