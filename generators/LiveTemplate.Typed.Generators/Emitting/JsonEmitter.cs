using System.Collections.Generic;
using System.Linq;
using LiveTemplate.Typed.Generators.Model;

namespace LiveTemplate.Typed.Generators.Emitting;

/// <summary>
/// Writes the file-local JSON class of an action: for the action and each nested object a writer, a reader and its
/// encoded property names; for each enum a writer and a reader. Collections and nullables are written and read by the
/// runtime's <c>ActionJsonWriter</c>/<c>ActionJsonReader</c> helpers, given their element's writer or reader; one inside
/// another gets a generated writer and reader of its own to be given as that element.
/// </summary>
internal static class JsonEmitter
{
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
        => writer.WriteLine($"public static void {names.WriterOf(type)}(Utf8JsonWriter writer, {type.TypeName} value) => {names.WriteCall(type, "value")};");

    private static void WriteCompositeReader(SourceWriter writer, TypeModel type, JsonClassNames names)
        => writer.WriteLine($"public static bool {names.ReaderOf(type)}(ref Utf8JsonReader reader, out {type.TypeName} value, out ActionDataError? error) => {names.ReadCall(type, "value")};");

    private static void Separate(SourceWriter writer, ref bool first)
    {
        if (!first)
        {
            writer.WriteLine();
        }

        first = false;
    }
}
