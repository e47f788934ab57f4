using LiveTemplate.Typed.Generators.Model;

namespace LiveTemplate.Typed.Generators.Emitting;

/// <summary>
/// Writes one presence metadata record's file: the partial record with <c>IPresenceMetadata</c>'s members, and the
/// file-local class with its JSON code, the same code an action gets (<see cref="JsonEmitter"/>).
/// </summary>
internal static class PresenceMetadataEmitter
{
    public static string Emit(ActionModel metadata)
    {
        var declaration = metadata.Declaration;
        var type = declaration.FullTypeName;
        var jsonClass = metadata.Root.Name + "Json";
        var names = new JsonClassNames(jsonClass, JsonEmitter.Objects(metadata), metadata.Enums);
        var qualifiedJsonClass = $"global::{ActionEmitter.GeneratedNamespace}.{jsonClass}";
        var contract = $"global::LiveTemplate.Typed.Presence.IPresenceMetadata<{type}>";

        var writer = new SourceWriter();
        DeclarationEmitter.WriteHeader(writer, $"LiveTemplate.Typed.Generators: the JSON code of the [PresenceMetadata] {type.Replace("global::", string.Empty)}.", metadata.SuppressedDiagnostics);
        DeclarationEmitter.WritePartialType(writer, declaration, contract, w =>
        {
            w.WriteLine($"static void {contract}.Write(global::System.Text.Json.Utf8JsonWriter writer, {type} value)");
            w.WriteLine($"    => {qualifiedJsonClass}.{names.WriterOf(metadata.Root.Name)}(writer, value);");
            w.WriteLine();
            w.WriteLine($"static bool {contract}.TryRead(global::System.ReadOnlySpan<byte> utf8Json, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {type} value, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out global::LiveTemplate.Typed.Actions.ActionDataError? error)");
            w.WriteLine($"    => global::LiveTemplate.Typed.Generated.ActionJsonReader.TryReadRoot<{type}>(utf8Json, {qualifiedJsonClass}.{names.ReaderOf(metadata.Root.Name)}, out value, out error);");
        });

        ActionEmitter.WriteJsonNamespace(writer, jsonClass, metadata, names);
        return writer.ToString();
    }
}
