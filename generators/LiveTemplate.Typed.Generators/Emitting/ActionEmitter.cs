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
        var kind = ActionKinds.Of(action.Kind);
        var jsonClass = action.Root.Name + "Json";
        var names = new JsonClassNames(jsonClass, JsonEmitter.Objects(action), action.Enums);
        var qualifiedJsonClass = $"global::{GeneratedNamespace}.{jsonClass}";
        var iaction = $"global::LiveTemplate.Typed.Actions.IAction<{type}>";
        var scope = $"global::LiveTemplate.Typed.Actions.ActionScope.{kind.Scope}";
        var nameLiteral = Literals.String(action.ActionName);

        var writer = new SourceWriter();
        DeclarationEmitter.WriteHeader(writer, $"LiveTemplate.Typed.Generators: the name, scope and JSON code of the [{kind.AttributeName}] {type.Replace("global::", string.Empty)}.", action.SuppressedDiagnostics);
        var contract = action.Topic is null ? kind.Contract : "ITemplatedTopicAction";
        DeclarationEmitter.WritePartialType(writer, declaration, $"global::LiveTemplate.Typed.{contract}<{type}>", w =>
        {
            if (action.Topic is { } topic)
            {
                TopicTemplateEmitter.Write(w, type, topic);
            }

            if (action.NameConstant != ConstantDeclaration.Skip)
            {
                w.WriteLine($"/// <summary>The action's name on the wire: {Literals.Xml(nameLiteral)}.</summary>");
                w.WriteLine($"public {New(action.NameConstant)}const string ActionName = {nameLiteral};");
                w.WriteLine();
            }

            if (action.ScopeConstant != ConstantDeclaration.Skip)
            {
                w.WriteLine($"/// <summary>Who receives the action: {kind.Audience}.</summary>");
                w.WriteLine($"public {New(action.ScopeConstant)}const global::LiveTemplate.Typed.Actions.ActionScope ActionScope = {scope};");
                w.WriteLine();
            }

            w.WriteLine($"static string {iaction}.ActionName => {nameLiteral};");
            w.WriteLine();
            w.WriteLine($"static global::LiveTemplate.Typed.Actions.ActionScope {iaction}.Scope => {scope};");
            w.WriteLine();
            w.WriteLine($"static void {iaction}.Write(global::System.Text.Json.Utf8JsonWriter writer, {type} value)");
            w.WriteLine($"    => {qualifiedJsonClass}.{names.WriterOf(action.Root.Name)}(writer, value);");
            w.WriteLine();
            w.WriteLine($"static bool {iaction}.TryRead(global::System.ReadOnlySpan<byte> utf8Json, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {type} value, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out global::LiveTemplate.Typed.Actions.ActionDataError? error)");
            w.WriteLine($"    => global::LiveTemplate.Typed.Generated.ActionJsonReader.TryReadRoot<{type}>(utf8Json, {qualifiedJsonClass}.{names.ReaderOf(action.Root.Name)}, out value, out error);");
            if (action.IsImmutable)
            {
                w.WriteLine();
                w.WriteLine($"static bool {iaction}.IsImmutable => true;");
            }

            if (!action.IsRecoverable)
            {
                w.WriteLine();
                w.WriteLine($"static bool {iaction}.IsRecoverable => false;");
            }
        });

        WriteJsonNamespace(writer, jsonClass, action, names);
        return writer.ToString();
    }

    /// <summary>The generated namespace with the file-local JSON class of <paramref name="model"/> (an action's or presence metadata's).</summary>
    public static void WriteJsonNamespace(SourceWriter writer, string jsonClass, ActionModel model, JsonClassNames names)
    {
        writer.WriteLine();
        writer.OpenBlock("namespace " + GeneratedNamespace);
        writer.WriteLine("using global::System.Collections.Generic;");
        writer.WriteLine("using global::System.Text.Json;");
        writer.WriteLine("using global::LiveTemplate.Typed.Actions;");
        writer.WriteLine();
        JsonEmitter.WriteClass(writer, jsonClass, model, names);
        writer.CloseBlock();
    }

    /// <summary>The modifier of a generated member declared as <paramref name="declaration"/> says: <c>new </c> when it hides a base action's.</summary>
    internal static string New(ConstantDeclaration declaration) => declaration == ConstantDeclaration.Hide ? "new " : string.Empty;
}
