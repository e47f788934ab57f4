using LiveTemplate.Typed.Generators.Model;

namespace LiveTemplate.Typed.Generators.Emitting;

/// <summary>
/// Writes one action's file: the partial record with its name, scope and <c>IAction</c> members, and a
/// file-local class with the JSON code of the record and of every type it contains.
/// </summary>
internal static class ActionEmitter
{
    public const string GeneratedNamespace = "LiveTemplate.Typed.Generated";

    public static string Emit(ActionModel action)
    {
        var declaration = action.Declaration;
        var type = declaration.FullTypeName;
        var jsonClass = action.Root.Name + "Json";
        var qualifiedJsonClass = $"global::{GeneratedNamespace}.{jsonClass}";
        var attribute = action.Kind == ActionKind.Server ? "ServerAction" : "GroupAction";
        var contract = action.Kind == ActionKind.Server ? "IServerAction" : "IGroupAction";
        var scopeName = action.Kind == ActionKind.Server ? "Server" : "Group";
        var audience = action.Kind == ActionKind.Server ? "every connection of one user" : "every connection of one group";
        var iaction = $"global::LiveTemplate.Typed.Actions.IAction<{type}>";
        var nameLiteral = Literals.String(action.ActionName);

        var writer = new SourceWriter();
        DeclarationEmitter.WriteHeader(writer, $"LiveTemplate.Typed.Generators: the name, scope and JSON code of the [{attribute}] {type.Replace("global::", string.Empty)}.");
        DeclarationEmitter.WritePartialType(writer, declaration, $"global::LiveTemplate.Typed.{contract}<{type}>", w =>
        {
            w.WriteLine($"/// <summary>The action's name on the wire: {Literals.Xml(nameLiteral)}.</summary>");
            w.WriteLine($"public const string ActionName = {nameLiteral};");
            w.WriteLine();
            w.WriteLine($"/// <summary>Who receives the action: {audience}.</summary>");
            w.WriteLine($"public const global::LiveTemplate.Typed.Actions.ActionScope ActionScope = global::LiveTemplate.Typed.Actions.ActionScope.{scopeName};");
            w.WriteLine();
            w.WriteLine($"static string {iaction}.ActionName => ActionName;");
            w.WriteLine();
            w.WriteLine($"static global::LiveTemplate.Typed.Actions.ActionScope {iaction}.Scope => ActionScope;");
            w.WriteLine();
            w.WriteLine($"static void {iaction}.Write(global::System.Text.Json.Utf8JsonWriter writer, {type} value)");
            w.WriteLine($"    => {qualifiedJsonClass}.Write{action.Root.Name}(writer, value);");
            w.WriteLine();
            w.WriteLine($"static bool {iaction}.TryRead(global::System.ReadOnlySpan<byte> utf8Json, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {type} value, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out global::LiveTemplate.Typed.Actions.ActionDataError? error)");
            w.WriteLine($"    => global::LiveTemplate.Typed.Generated.ActionJsonReader.TryReadRoot<{type}>(utf8Json, {qualifiedJsonClass}.TryRead{action.Root.Name}, out value, out error);");
        });

        writer.WriteLine();
        writer.OpenBlock("namespace " + GeneratedNamespace);
        writer.WriteLine("using global::System.Diagnostics.CodeAnalysis;");
        writer.WriteLine("using global::System.Text.Json;");
        writer.WriteLine("using global::LiveTemplate.Typed.Actions;");
        writer.WriteLine();
        JsonEmitter.WriteClass(writer, jsonClass, action);
        writer.CloseBlock();
        return writer.ToString();
    }
}
