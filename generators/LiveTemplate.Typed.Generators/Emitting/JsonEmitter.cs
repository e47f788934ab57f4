using System.Collections.Generic;
using System.Linq;
using LiveTemplate.Typed.Generators.Model;

namespace LiveTemplate.Typed.Generators.Emitting;

/// <summary>
/// Writes the file-local JSON class of an action: for the action and each nested object a writer, a reader and its
/// encoded property names; for each enum a writer and a reader; for each collection or nullable a writer and a reader
/// composed from the runtime's <c>ActionJsonWriter</c>/<c>ActionJsonReader</c>.
/// </summary>
internal static class JsonEmitter
{
    private const string ReaderParameters = "ref Utf8JsonReader reader";
    private const string ErrorParameter = "[NotNullWhen(false)] out ActionDataError? error";

    public static void WriteClass(SourceWriter writer, string className, ActionModel action, JsonClassNames names)
    {
        var objects = Objects(action);
        var structs = new HashSet<string>(objects.Where(o => o.IsValueType).Select(o => o.Name), System.StringComparer.Ordinal);
        bool IsStruct(TypeModel type) => type.Kind == ValueKind.Object && structs.Contains(type.Name);

        writer.WriteLine($"/// <summary>Writes and reads the JSON of <see cref=\"{action.Declaration.FullTypeName}\"/> and the types it contains, without reflection.</summary>");

        // An obsolete context: the compiler reports no use of an obsolete type or member inside it, not even one marked
        // [Obsolete(error: true)], so the JSON code can use whatever the declarations use. (Naming this class is CS0618,
        // which the file disables.)
        writer.WriteLine("[global::System.Obsolete(\"Generated code, which uses what the action's declarations use, obsolete members included.\")]");
        writer.OpenBlock($"file static class {className}");
        var first = true;
        foreach (var model in objects)
        {
            Separate(writer, ref first);
            ObjectWriterEmitter.Write(writer, model, names, IsStruct);
            writer.WriteLine();
            ObjectReaderEmitter.Write(writer, model, names);
        }

        foreach (var model in action.Enums)
        {
            Separate(writer, ref first);
            EnumEmitter.Write(writer, model, names);
        }

        foreach (var composite in names.Composites)
        {
            Separate(writer, ref first);
            if (names.WrittenComposites.Contains(composite))
            {
                WriteCompositeWriter(writer, composite, names);
                writer.WriteLine();
            }

            WriteCompositeReader(writer, composite, names);
        }

        foreach (var model in objects)
        {
            if (names.PropertiesOf(model) is { } properties)
            {
                Separate(writer, ref first);
                WritePropertyNames(writer, model, properties, names);
            }
        }

        writer.CloseBlock();
    }

    /// <summary>The action's own object first, then the nested ones.</summary>
    public static List<ObjectModel> Objects(ActionModel action)
    {
        var objects = new List<ObjectModel> { action.Root };
        objects.AddRange(action.Objects);
        return objects;
    }

    private static void WritePropertyNames(SourceWriter writer, ObjectModel model, string className, JsonClassNames names)
    {
        writer.OpenBlock($"private static class {className}");
        foreach (var member in model.Members.Where(m => m.Write != WriteCondition.Never))
        {
            var field = names.PropertyOf(model, member).Substring(className.Length + 1);
            writer.WriteLine($"public static readonly JsonEncodedText {field} = JsonEncodedText.Encode({Literals.String(member.JsonName)});");
        }

        writer.CloseBlock();
    }

    private static void WriteCompositeWriter(SourceWriter writer, TypeModel type, JsonClassNames names)
    {
        var element = type.Element!;
        var helper = type.Kind switch
        {
            ValueKind.Nullable => "WriteNullable",
            ValueKind.OrNull => "WriteOrNull",
            ValueKind.Dictionary or ValueKind.ReadOnlyDictionary => "WriteDictionary",
            _ => "WriteList",
        };
        writer.WriteLine($"public static void {names.WriterOf(type)}(Utf8JsonWriter writer, {type.TypeName} value)");
        writer.WriteLine($"    => ActionJsonWriter.{helper}<{element.TypeName}>(writer, value, {names.WriterOf(element)});");
    }

    private static void WriteCompositeReader(SourceWriter writer, TypeModel type, JsonClassNames names)
    {
        var element = type.Element!;
        var maybeNull = type.Kind == ValueKind.Nullable ? string.Empty : "[MaybeNullWhen(false)] ";
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

        writer.WriteLine($"public static bool {names.ReaderOf(type)}({ReaderParameters}, {maybeNull}out {type.TypeName} value, {ErrorParameter})");
        if (exact)
        {
            writer.WriteLine($"    => ActionJsonReader.{helper}<{element.TypeName}>(ref reader, {names.ReaderOf(element)}, out value, out error);");
            return;
        }

        // Read into the concrete collection, then hand it out as the interface the member declares.
        writer.OpenBlock();
        writer.WriteLine($"var read = ActionJsonReader.{helper}<{element.TypeName}>(ref reader, {names.ReaderOf(element)}, out var items, out error);");
        writer.WriteLine("value = items;");
        writer.WriteLine("return read;");
        writer.CloseBlock();
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
