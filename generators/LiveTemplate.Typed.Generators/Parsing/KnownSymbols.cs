using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// The types the generator and its analyzer recognise, resolved once per compilation (as System.Text.Json's
/// <c>KnownTypeSymbols</c>) so that declarations are compared with symbols, not with display strings. A type the
/// compilation does not reference is null.
/// </summary>
internal sealed class KnownSymbols
{
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> Cache = new();

    private KnownSymbols(Compilation compilation)
    {
        INamedTypeSymbol? Get(string metadataName) => compilation.GetTypeByMetadataName(metadataName);

        ActionAttributes = ActionKinds.All.Select(k => (Get(k.AttributeMetadataName), k.Kind)).ToArray();
        HandleInterface = Get(KnownNames.HandleInterface);
        Dispatcher = Get(KnownNames.DispatcherInterface);
        JsonAttribute = Get("System.Text.Json.Serialization.JsonAttribute");
        JsonPropertyName = Get(KnownNames.JsonPropertyNameAttribute);
        JsonConstructor = Get(KnownNames.JsonConstructorAttribute);
        JsonIgnore = Get("System.Text.Json.Serialization.JsonIgnoreAttribute");
        JsonRequired = Get("System.Text.Json.Serialization.JsonRequiredAttribute");
        JsonInclude = Get("System.Text.Json.Serialization.JsonIncludeAttribute");
        JsonPropertyOrder = Get("System.Text.Json.Serialization.JsonPropertyOrderAttribute");
        JsonConverter = Get("System.Text.Json.Serialization.JsonConverterAttribute");
        JsonStringEnumConverter = Get("System.Text.Json.Serialization.JsonStringEnumConverter");
        JsonStringEnumConverterOfT = Get("System.Text.Json.Serialization.JsonStringEnumConverter`1");
        JsonNumberEnumConverterOfT = Get("System.Text.Json.Serialization.JsonNumberEnumConverter`1");
        JsonStringEnumMemberName = Get("System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute");
        JsonNumberHandling = Get("System.Text.Json.Serialization.JsonNumberHandlingAttribute");
        JsonObjectCreationHandling = Get("System.Text.Json.Serialization.JsonObjectCreationHandlingAttribute");
        JsonUnmappedMemberHandling = Get("System.Text.Json.Serialization.JsonUnmappedMemberHandlingAttribute");
        DataMember = Get("System.Runtime.Serialization.DataMemberAttribute");
        IgnoreDataMember = Get("System.Runtime.Serialization.IgnoreDataMemberAttribute");
        List = Get("System.Collections.Generic.List`1");
        Dictionary = Get("System.Collections.Generic.Dictionary`2");
        ReadOnlyDictionary = Get("System.Collections.Generic.IReadOnlyDictionary`2");
        Guid = Get("System.Guid");
        DateTimeOffset = Get("System.DateTimeOffset");
        TimeSpan = Get("System.TimeSpan");
        DateOnly = Get("System.DateOnly");
        TimeOnly = Get("System.TimeOnly");
        Topic = Get("LiveTemplate.Typed.Topic");
        TopicPattern = Get("LiveTemplate.Typed.TopicPattern");
    }

    /// <summary>The attribute of each kind of action (<c>[ServerAction]</c>, <c>[GroupAction]</c>), null where not referenced.</summary>
    public (INamedTypeSymbol? Attribute, ActionKind Kind)[] ActionAttributes { get; }

    /// <summary><c>IHandle&lt;TAction&gt;</c>.</summary>
    public INamedTypeSymbol? HandleInterface { get; }

    /// <summary><c>IActionDispatcher</c>.</summary>
    public INamedTypeSymbol? Dispatcher { get; }

    /// <summary>The base of every System.Text.Json attribute: one the generator does not honour is refused, never ignored.</summary>
    public INamedTypeSymbol? JsonAttribute { get; }

    public INamedTypeSymbol? JsonPropertyName { get; }

    public INamedTypeSymbol? JsonConstructor { get; }

    public INamedTypeSymbol? JsonIgnore { get; }

    public INamedTypeSymbol? JsonRequired { get; }

    public INamedTypeSymbol? JsonInclude { get; }

    public INamedTypeSymbol? JsonPropertyOrder { get; }

    public INamedTypeSymbol? JsonConverter { get; }

    public INamedTypeSymbol? JsonStringEnumConverter { get; }

    public INamedTypeSymbol? JsonStringEnumConverterOfT { get; }

    public INamedTypeSymbol? JsonNumberEnumConverterOfT { get; }

    public INamedTypeSymbol? JsonStringEnumMemberName { get; }

    public INamedTypeSymbol? JsonNumberHandling { get; }

    public INamedTypeSymbol? JsonObjectCreationHandling { get; }

    public INamedTypeSymbol? JsonUnmappedMemberHandling { get; }

    public INamedTypeSymbol? DataMember { get; }

    public INamedTypeSymbol? IgnoreDataMember { get; }

    public INamedTypeSymbol? List { get; }

    public INamedTypeSymbol? Dictionary { get; }

    public INamedTypeSymbol? ReadOnlyDictionary { get; }

    public INamedTypeSymbol? Guid { get; }

    public INamedTypeSymbol? DateTimeOffset { get; }

    public INamedTypeSymbol? TimeSpan { get; }

    public INamedTypeSymbol? DateOnly { get; }

    public INamedTypeSymbol? TimeOnly { get; }

    /// <summary><c>Topic</c>: what a generated <c>TopicFor(...)</c> returns.</summary>
    public INamedTypeSymbol? Topic { get; }

    /// <summary><c>TopicPattern</c>: the type of a generated <c>AnyTopic</c>.</summary>
    public INamedTypeSymbol? TopicPattern { get; }

    /// <summary>The known symbols of <paramref name="compilation"/>, resolved on first use and kept while it lives.</summary>
    public static KnownSymbols For(Compilation compilation) => Cache.GetValue(compilation, static c => new KnownSymbols(c));

    /// <summary>True when <paramref name="type"/> is <paramref name="known"/> (false when the compilation lacks it).</summary>
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known)
        => known is not null && SymbolEqualityComparer.Default.Equals(type, known);

    /// <summary>True when <paramref name="type"/> is a construction of the generic <paramref name="definition"/>.</summary>
    public static bool IsConstructionOf(ITypeSymbol? type, INamedTypeSymbol? definition)
        => definition is not null && type is INamedTypeSymbol { IsGenericType: true } named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, definition);

    /// <summary>True when <paramref name="attribute"/> is a System.Text.Json attribute (it derives from <c>JsonAttribute</c>).</summary>
    public bool IsJsonAttribute(AttributeData attribute)
    {
        for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
        {
            if (Is(type, JsonAttribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The kinds of action <paramref name="type"/> is marked as, with their attributes, in declaration order.</summary>
    public List<(AttributeData Attribute, ActionKind Kind)> ActionAttributesOf(ITypeSymbol type)
    {
        var found = new List<(AttributeData, ActionKind)>();
        foreach (var attribute in type.GetAttributes())
        {
            foreach (var (known, kind) in ActionAttributes)
            {
                if (Is(attribute.AttributeClass, known))
                {
                    found.Add((attribute, kind));
                }
            }
        }

        return found;
    }
}
