using System.Linq;
using LiveTemplate.Typed.Generators.Model;

namespace LiveTemplate.Typed.Generators.Emitting;

/// <summary>Writes a handler's dispatcher: a switch on the action name that decodes the data and calls <c>HandleAsync</c>.</summary>
internal static class HandlerEmitter
{
    public static string Emit(HandlerModel handler)
    {
        var writer = new SourceWriter();
        DeclarationEmitter.WriteHeader(writer, $"LiveTemplate.Typed.Generators: the action dispatcher of {handler.Declaration.FullTypeName.Replace("global::", string.Empty)}.");
        DeclarationEmitter.WritePartialType(writer, handler.Declaration, "global::LiveTemplate.Typed.IActionDispatcher", w =>
        {
            w.WriteLine("/// <inheritdoc />");
            w.OpenBlock("public global::System.Threading.Tasks.ValueTask<global::LiveTemplate.Typed.ActionDispatchResult> DispatchAsync(string action, global::System.ReadOnlyMemory<byte> data, global::LiveTemplate.Typed.ActionContext context)");
            w.OpenBlock("switch (action)");
            foreach (var handled in handler.Actions)
            {
                w.WriteLine($"case {handled.FullTypeName}.ActionName:");
                w.WriteLine($"    return global::LiveTemplate.Typed.Generated.ActionDispatch.DecodeAndHandleAsync<{handled.FullTypeName}>(this, data, context);");
            }

            w.WriteLine("default:");
            w.WriteLine("    return new(global::LiveTemplate.Typed.ActionDispatchResult.UnknownAction(action));");
            w.CloseBlock();
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("/// <inheritdoc />");
            w.WriteLine("public bool CanHandle(string action)");
            w.WriteLine("    => action is " + string.Join(" or ", handler.Actions.Select(a => a.FullTypeName + ".ActionName")) + ";");
        });

        return writer.ToString();
    }
}
