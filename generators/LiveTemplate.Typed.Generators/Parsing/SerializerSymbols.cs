using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// The System.Text.Json and host types the update declarations need beyond <see cref="KnownSymbols"/>, resolved once
/// per compilation; a type the compilation does not reference is null.
/// </summary>
internal sealed class SerializerSymbols
{
    private static readonly ConditionalWeakTable<Compilation, SerializerSymbols> Cache = new();

    private SerializerSymbols(Compilation compilation)
    {
        INamedTypeSymbol? Get(string metadataName) => compilation.GetTypeByMetadataName(metadataName);

        Known = KnownSymbols.For(compilation);
        LiveConnection = Get("LiveTemplate.Typed.AspNetCore.LiveConnection");
        SerializerContext = Get("System.Text.Json.Serialization.JsonSerializerContext");
        Serializable = Get("System.Text.Json.Serialization.JsonSerializableAttribute");
        GenerationOptions = Get("System.Text.Json.Serialization.JsonSourceGenerationOptionsAttribute");
        TypeInfoOfT = Get("System.Text.Json.Serialization.Metadata.JsonTypeInfo`1");
        ConverterOfT = Get("System.Text.Json.Serialization.JsonConverter`1");
        ExtensionData = Get("System.Text.Json.Serialization.JsonExtensionDataAttribute");
        Polymorphic = Get("System.Text.Json.Serialization.JsonPolymorphicAttribute");
        DerivedType = Get("System.Text.Json.Serialization.JsonDerivedTypeAttribute");
        Flags = Get("System.FlagsAttribute");
        DictionaryOfT = Get("System.Collections.Generic.IDictionary`2");
        ReadOnlyDictionaryOfT = Get("System.Collections.Generic.IReadOnlyDictionary`2");
        Uri = Get("System.Uri");
        Version = Get("System.Version");
        Half = Get("System.Half");
        Int128 = Get("System.Int128");
        UInt128 = Get("System.UInt128");
    }

    public KnownSymbols Known { get; }

    /// <summary><c>LiveTemplate.Typed.AspNetCore.LiveConnection</c>, whose <c>SendAsync(name, …)</c> overloads send updates.</summary>
    public INamedTypeSymbol? LiveConnection { get; }

    public INamedTypeSymbol? SerializerContext { get; }

    public INamedTypeSymbol? Serializable { get; }

    public INamedTypeSymbol? GenerationOptions { get; }

    public INamedTypeSymbol? TypeInfoOfT { get; }

    public INamedTypeSymbol? ConverterOfT { get; }

    public INamedTypeSymbol? ExtensionData { get; }

    public INamedTypeSymbol? Polymorphic { get; }

    public INamedTypeSymbol? DerivedType { get; }

    public INamedTypeSymbol? Flags { get; }

    public INamedTypeSymbol? DictionaryOfT { get; }

    public INamedTypeSymbol? ReadOnlyDictionaryOfT { get; }

    public INamedTypeSymbol? Uri { get; }

    public INamedTypeSymbol? Version { get; }

    public INamedTypeSymbol? Half { get; }

    public INamedTypeSymbol? Int128 { get; }

    public INamedTypeSymbol? UInt128 { get; }

    public static SerializerSymbols For(Compilation compilation) => Cache.GetValue(compilation, static c => new SerializerSymbols(c));

    /// <summary>True when <paramref name="type"/> is or derives from <paramref name="baseType"/>.</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        for (var current = type; current is not null && baseType is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
