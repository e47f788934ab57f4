using System.Linq;
using LiveTemplate.Typed.Generators.Model;

namespace LiveTemplate.Typed.Generators.Emitting;

/// <summary>Writes the assembly's action catalogue and the module initializer that registers it with the runtime.</summary>
internal static class CatalogEmitter
{
    public const string HintName = "GeneratedActionCatalog.g.cs";

    public static string Emit(string ns, EquatableArray<CatalogEntryModel> entries)
    {
        var writer = new SourceWriter();
        var suppressed = entries.SelectMany(e => e.SuppressedDiagnostics).Distinct().OrderBy(id => id, System.StringComparer.Ordinal);
        DeclarationEmitter.WriteHeader(writer, "LiveTemplate.Typed.Generators: the typed actions of this assembly.", suppressed);
        writer.OpenBlock("namespace " + ns);
        writer.WriteLine("/// <summary>The typed actions declared in this assembly, registered in <see cref=\"global::LiveTemplate.Typed.Actions.ActionCatalog.Default\"/> when it loads.</summary>");
        writer.OpenBlock("internal static class GeneratedActionCatalog");
        writer.WriteLine("/// <summary>Every action declared in this assembly, ordered by name.</summary>");
        writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<global::LiveTemplate.Typed.Actions.ActionDescriptor> Actions { get; } = Describe();");
        writer.WriteLine();

        // An obsolete context, where naming an obsolete action is no diagnostic, even with [Obsolete(error: true)].
        writer.WriteLine("[global::System.Obsolete(\"Generated code, which names every action, obsolete ones included.\")]");
        writer.WriteLine("private static global::LiveTemplate.Typed.Actions.ActionDescriptor[] Describe() => new global::LiveTemplate.Typed.Actions.ActionDescriptor[]");
        writer.OpenBlock();
        foreach (var entry in entries)
        {
            writer.WriteLine($"global::LiveTemplate.Typed.Actions.ActionDescriptor.For<{entry.FullTypeName}>(),");
        }

        writer.CloseBlock(";");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Adds <see cref=\"Actions\"/> to the runtime's catalogue; runs once, when the assembly loads.</summary>");
        writer.WriteLine("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        writer.WriteLine("internal static void Register() => global::LiveTemplate.Typed.Actions.ActionCatalog.Default.Register(Actions);");
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>A namespace made from the assembly name, so catalogues of different assemblies never collide.</summary>
    public static string NamespaceFor(string? assemblyName)
    {
        if (string.IsNullOrWhiteSpace(assemblyName))
        {
            return "LiveTemplate.Typed.Generated";
        }

        var parts = assemblyName!.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var chars = parts[i].ToCharArray();
            for (var j = 0; j < chars.Length; j++)
            {
                if (!(char.IsLetterOrDigit(chars[j]) || chars[j] == '_'))
                {
                    chars[j] = '_';
                }
            }

            var part = new string(chars);
            if (part.Length == 0 || char.IsDigit(part[0]))
            {
                part = "_" + part;
            }

            parts[i] = Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + part : part;
        }

        return string.Join(".", parts);
    }
}
