using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// What the System.Text.Json attributes on one property or field say. Every attribute deriving from
/// <c>JsonAttribute</c> is either read into a field here or listed in <see cref="Unsupported"/>: none is ignored.
/// </summary>
internal sealed class JsonAttributes
{
    /// <summary><c>[JsonPropertyName]</c>, whose argument the name reader checks.</summary>
    public AttributeData? Name { get; private set; }

    public AttributeData? Ignore { get; private set; }

    /// <summary>The <c>JsonIgnoreCondition</c> of <c>[JsonIgnore]</c> (Never 0, Always 1, WhenWritingDefault 2, WhenWritingNull 3, WhenWriting 4, WhenReading 5).</summary>
    public int IgnoreCondition { get; private set; }

    public bool IsRequired { get; private set; }

    public bool IsIncluded { get; private set; }

    public int Order { get; private set; }

    /// <summary><c>[JsonConverter]</c> on the member (checked by the type reader, which knows the member's type).</summary>
    public AttributeData? Converter { get; private set; }

    /// <summary>The attributes a typed action cannot honour, with the reason for each.</summary>
    public List<(AttributeData Attribute, string Reason)> Unsupported { get; } = new();

    /// <summary>True when some attribute says something about the member's JSON (a JSON attribute other than <c>[JsonIgnore]</c>).</summary>
    public bool SaysSomething => Name is not null || IsRequired || IsIncluded || Converter is not null || Order != 0 || Unsupported.Count > 0;

    public static JsonAttributes Of(ISymbol member, KnownSymbols known)
    {
        var read = new JsonAttributes();
        foreach (var attribute in member.GetAttributes())
        {
            read.Add(attribute, known);
        }

        return read;
    }

    /// <summary>The reason the type-level attributes of an object or enum cannot be honoured, one per attribute.</summary>
    public static List<(AttributeData Attribute, string Reason)> UnsupportedOnType(INamedTypeSymbol type, KnownSymbols known, out bool rejectsUnknownMembers)
    {
        rejectsUnknownMembers = false;
        var unsupported = new List<(AttributeData, string)>();
        foreach (var attribute in type.GetAttributes())
        {
            var kind = attribute.AttributeClass;
            if (KnownSymbols.Is(kind, known.JsonUnmappedMemberHandling))
            {
                rejectsUnknownMembers = EnumArgument(attribute) == 1;
            }
            else if (KnownSymbols.Is(kind, known.JsonNumberHandling) && EnumArgument(attribute) == 0)
            {
                // JsonNumberHandling.Strict: what typed actions always do.
            }
            else if (KnownSymbols.Is(kind, known.JsonObjectCreationHandling) && EnumArgument(attribute) == 0)
            {
                // JsonObjectCreationHandling.Replace: what typed actions always do.
            }
            else if (KnownSymbols.Is(kind, known.JsonConverter) && type.TypeKind == TypeKind.Enum)
            {
                // Read by the enum reader, which knows the converters it honours.
            }
            else if (known.IsJsonAttribute(attribute))
            {
                unsupported.Add((attribute, WhyNot(attribute, known)));
            }
        }

        return unsupported;
    }

    /// <summary>Why a System.Text.Json attribute a typed action does not honour cannot be, and what to do instead.</summary>
    public static string WhyNot(AttributeData attribute, KnownSymbols known)
    {
        var kind = attribute.AttributeClass;
        if (KnownSymbols.Is(kind, known.JsonNumberHandling))
        {
            return "numbers are always written as JSON numbers and read only from them";
        }

        if (KnownSymbols.Is(kind, known.JsonObjectCreationHandling))
        {
            return "a member read from JSON is always a new value (Replace), never populated";
        }

        return kind?.Name switch
        {
            "JsonConverterAttribute" => "generated code cannot run a JsonConverter; typed actions support only JsonStringEnumConverter and JsonNumberEnumConverter<T> on enums",
            "JsonExtensionDataAttribute" => "a typed action has a fixed shape: properties it does not know are skipped",
            "JsonPolymorphicAttribute" or "JsonDerivedTypeAttribute" => "a typed action has one fixed shape, without type discriminators",
            "JsonSerializableAttribute" or "JsonSourceGenerationOptionsAttribute" => "it configures a JsonSerializerContext, which a typed action does not use",
            "JsonStringEnumMemberNameAttribute" => "it names an enum member, and this is not one",
            "JsonConstructorAttribute" => "it marks a constructor",
            _ => "typed actions do not support it",
        };
    }

    private static int EnumArgument(AttributeData attribute)
        => attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int value ? value : -1;

    private void Add(AttributeData attribute, KnownSymbols known)
    {
        var kind = attribute.AttributeClass;
        if (KnownSymbols.Is(kind, known.JsonPropertyName))
        {
            Name = attribute;
        }
        else if (KnownSymbols.Is(kind, known.JsonIgnore))
        {
            Ignore = attribute;
            IgnoreCondition = 1;
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Condition" && argument.Value.Value is int condition)
                {
                    IgnoreCondition = condition;
                }
            }
        }
        else if (KnownSymbols.Is(kind, known.JsonRequired))
        {
            IsRequired = true;
        }
        else if (KnownSymbols.Is(kind, known.JsonInclude))
        {
            IsIncluded = true;
        }
        else if (KnownSymbols.Is(kind, known.JsonPropertyOrder))
        {
            Order = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int order ? order : 0;
        }
        else if (KnownSymbols.Is(kind, known.JsonConverter))
        {
            Converter = attribute;
        }
        else if ((KnownSymbols.Is(kind, known.JsonNumberHandling) || KnownSymbols.Is(kind, known.JsonObjectCreationHandling)) && EnumArgument(attribute) == 0)
        {
            // Strict number handling and Replace creation handling: what typed actions always do.
        }
        else if (known.IsJsonAttribute(attribute))
        {
            Unsupported.Add((attribute, WhyNot(attribute, known)));
        }
        else if (KnownSymbols.Is(kind, known.IgnoreDataMember))
        {
            Unsupported.Add((attribute, "System.Text.Json does not honour it, so the member would still be sent; use [JsonIgnore]"));
        }
        else if (KnownSymbols.Is(kind, known.DataMember))
        {
            Unsupported.Add((attribute, "System.Text.Json does not honour it; use [JsonPropertyName] for the name and [JsonPropertyOrder] for the order"));
        }
    }
}
