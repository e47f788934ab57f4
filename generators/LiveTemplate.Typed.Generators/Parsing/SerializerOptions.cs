using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// What a <c>JsonSerializerContext</c>'s <c>[JsonSourceGenerationOptions]</c> says about the JSON its default instance
/// writes: the naming policy, the default ignore condition, fields, read-only members, enums, numbers and converters.
/// Options that only change reading, or the layout of the text, are not kept.
/// </summary>
internal sealed class SerializerOptions
{
    private readonly HashSet<ITypeSymbol> _stringEnums = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ITypeSymbol> _numberEnums = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ITypeSymbol> _converted = new(SymbolEqualityComparer.Default);
    private readonly List<string> _signature = new();

    private SerializerOptions()
    {
    }

    /// <summary>The <c>JsonKnownNamingPolicy</c> of member names.</summary>
    public int NamingPolicy { get; private set; }

    /// <summary>The <c>JsonIgnoreCondition</c> of members without their own <c>[JsonIgnore]</c> (Never 0, WhenWritingDefault 2, WhenWritingNull 3).</summary>
    public int DefaultIgnoreCondition { get; private set; }

    public bool IncludeFields { get; private set; }

    public bool IgnoreReadOnlyProperties { get; private set; }

    public bool IgnoreReadOnlyFields { get; private set; }

    /// <summary><c>UseStringEnumConverter</c>, or <c>JsonStringEnumConverter</c> among the converters: every enum by name.</summary>
    public bool StringEnums { get; private set; }

    /// <summary>The <c>JsonNumberHandling</c> flags (WriteAsString 2, AllowNamedFloatingPointLiterals 4 change what is written).</summary>
    public int NumberHandling { get; private set; }

    /// <summary>Why the options make every value's shape unknown (a converter factory, a policy this version does not know), or null.</summary>
    public string? Unreadable { get; private set; }

    /// <summary>The options that shape the JSON, as text: two contexts with the same signature write a type alike.</summary>
    public string Signature => string.Join(",", _signature.Prepend("n" + NamingPolicy));

    /// <summary>The enums a converter of the options writes by name (true) or number (false), or null.</summary>
    public bool? EnumByName(ITypeSymbol enumType)
        => _stringEnums.Contains(enumType) ? true : _numberEnums.Contains(enumType) ? false : StringEnums ? true : null;

    /// <summary>True when a converter of the options writes <paramref name="type"/> its own way.</summary>
    public bool Converts(ITypeSymbol type) => _converted.Contains(type);

    /// <summary>The options of <paramref name="context"/>'s default instance.</summary>
    public static SerializerOptions Of(INamedTypeSymbol context, SerializerSymbols symbols)
    {
        var options = new SerializerOptions();
        var attribute = context.GetAttributes().FirstOrDefault(a => KnownSymbols.Is(a.AttributeClass, symbols.GenerationOptions));
        if (attribute is null)
        {
            return options;
        }

        // JsonSerializerDefaults.Web (1) names members in camelCase; an explicit policy replaces it.
        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is 1)
        {
            options.NamingPolicy = JsonNamingPolicies.CamelCase;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            options.Read(argument.Key, argument.Value, symbols);
        }

        return options;
    }

    private void Read(string name, TypedConstant value, SerializerSymbols symbols)
    {
        switch (name)
        {
            case "PropertyNamingPolicy":
                NamingPolicy = value.Value as int? ?? JsonNamingPolicies.Unspecified;
                Unreadable = JsonNamingPolicies.Apply(NamingPolicy, "Name") is null ? $"its naming policy {NamingPolicy} is not known to this version" : Unreadable;
                return;
            case "DefaultIgnoreCondition":
                DefaultIgnoreCondition = value.Value as int? ?? 0;
                break;
            case "IncludeFields":
                IncludeFields = value.Value is true;
                break;
            case "IgnoreReadOnlyProperties":
                IgnoreReadOnlyProperties = value.Value is true;
                break;
            case "IgnoreReadOnlyFields":
                IgnoreReadOnlyFields = value.Value is true;
                break;
            case "UseStringEnumConverter":
                StringEnums |= value.Value is true;
                break;
            case "NumberHandling":
                NumberHandling = value.Value as int? ?? 0;
                break;
            case "Converters" when value.Kind == TypedConstantKind.Array:
                foreach (var converter in value.Values)
                {
                    AddConverter(converter.Value as INamedTypeSymbol, symbols);
                }

                break;
            default:
                return;
        }

        _signature.Add(name + "=" + (value.Kind == TypedConstantKind.Array ? string.Join("+", value.Values.Select(v => v.Value?.ToString())) : value.Value?.ToString()));
    }

    private void AddConverter(INamedTypeSymbol? converter, SerializerSymbols symbols)
    {
        var known = symbols.Known;
        if (KnownSymbols.Is(converter, known.JsonStringEnumConverter))
        {
            StringEnums = true;
        }
        else if (KnownSymbols.IsConstructionOf(converter, known.JsonStringEnumConverterOfT))
        {
            _stringEnums.Add(converter!.TypeArguments[0]);
        }
        else if (KnownSymbols.IsConstructionOf(converter, known.JsonNumberEnumConverterOfT))
        {
            _numberEnums.Add(converter!.TypeArguments[0]);
        }
        else if (ConvertedType(converter, symbols) is { } type)
        {
            _converted.Add(type);
        }
        else
        {
            Unreadable = $"its converter {converter?.ToDisplayString() ?? "?"} may write any type";
        }
    }

    private static ITypeSymbol? ConvertedType(INamedTypeSymbol? converter, SerializerSymbols symbols)
    {
        for (var current = converter; current is not null; current = current.BaseType)
        {
            if (KnownSymbols.IsConstructionOf(current, symbols.ConverterOfT))
            {
                return current.TypeArguments[0];
            }
        }

        return null;
    }
}
