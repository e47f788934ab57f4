using System.Linq;
using LiveTemplate.Typed.Generators.Model;

namespace LiveTemplate.Typed.Generators.Emitting;

/// <summary>Writes a handler's dispatcher: a switch on the action name that decodes the data and calls <c>HandleAsync</c>.</summary>
internal static class HandlerEmitter
{
    private const string Dispatcher = "global::LiveTemplate.Typed.IActionDispatcher";

    public static string Emit(HandlerModel handler)
    {
        var writer = new SourceWriter();
        var suppressed = handler.Actions.SelectMany(a => a.SuppressedDiagnostics).Distinct().OrderBy(id => id, System.StringComparer.Ordinal);
        DeclarationEmitter.WriteHeader(writer, $"LiveTemplate.Typed.Generators: the action dispatcher of {handler.Declaration.FullTypeName.Replace("global::", string.Empty)}.", suppressed);

        // Implemented explicitly beside a DispatchAsync or CanHandle the type declares itself, publicly otherwise.
        // A handler derived from a handler hides the base's (which knows only the base's actions) with new.
        var (access, owner) = handler.ImplementsExplicitly ? (string.Empty, Dispatcher + ".") : (handler.HidesInherited ? "public new " : "public ", string.Empty);
        DeclarationEmitter.WritePartialType(writer, handler.Declaration, Dispatcher, w =>
        {
            w.WriteLine("/// <inheritdoc />");
            w.OpenBlock($"{access}global::System.Threading.Tasks.ValueTask<global::LiveTemplate.Typed.ActionDispatchResult> {owner}DispatchAsync(string action, global::System.ReadOnlyMemory<byte> data, global::LiveTemplate.Typed.ActionContext context)");
            w.WriteLine("return Dispatch(this, action, data, context);");
            w.WriteLine();

            // An obsolete context, where naming an obsolete action is no diagnostic (calling it is CS0612, which the file disables).
            w.WriteLine("[global::System.Obsolete]");
            w.OpenBlock($"static global::System.Threading.Tasks.ValueTask<global::LiveTemplate.Typed.ActionDispatchResult> Dispatch({handler.Declaration.FullTypeName} handler, string action, global::System.ReadOnlyMemory<byte> data, global::LiveTemplate.Typed.ActionContext context)");
            w.OpenBlock("switch (action)");
            foreach (var handled in handler.Actions)
            {
                w.WriteLine($"case {Literals.String(handled.ActionName)}:");
                w.WriteLine($"    return global::LiveTemplate.Typed.Generated.ActionDispatch.DecodeAndHandleAsync<{handled.FullTypeName}>(handler, data, context);");
            }

            w.WriteLine("default:");
            w.WriteLine("    return new(global::LiveTemplate.Typed.ActionDispatchResult.UnknownAction(action));");
            w.CloseBlock();
            w.CloseBlock();
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("/// <inheritdoc />");
            w.WriteLine($"{access}bool {owner}CanHandle(string action)");
            w.WriteLine("    => action is " + string.Join(" or ", handler.Actions.Select(a => Literals.String(a.ActionName))) + ";");
        });

        return writer.ToString();
    }
}
