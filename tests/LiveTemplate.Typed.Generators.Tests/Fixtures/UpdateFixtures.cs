using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveTemplate.Typed.Generators.Tests.Fixtures;

// Update values serialised by real System.Text.Json contexts (UpdateDeclarationTests): the generator reads this file's
// text in memory, and the declarations it writes must accept what these contexts write.

/// <summary>Written by number unless the options say otherwise.</summary>
public enum UpdateShade
{
    Light,
    Dark,
}

/// <summary>Written by name by its own converter, with a renamed member.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UpdateMood>))]
public enum UpdateMood
{
    Calm,
    [JsonStringEnumMemberName("on-fire")]
    Busy,
}

/// <summary>Members of each kind the declarations model, and the attributes that rename, leave out or make optional.</summary>
public sealed record UpdateSample(
    int CardId, string HTMLTitle, string? Note, UpdateShade Shade, UpdateMood Mood, IReadOnlyList<UpdateInner> Items,
    Dictionary<string, UpdateInner?> ByKey, [property: JsonPropertyName("given")] int Renamed, Guid Key, DateTimeOffset At, byte[] Blob,
    Dictionary<int, UpdateShade> ByNumber)
{
    /// <summary>Never written.</summary>
    [JsonIgnore]
    public int Hidden => 1;

    /// <summary>Left out when 0.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Rank { get; init; }

    /// <summary>Read but never written.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWriting)]
    public string? Secret { get; init; }

    /// <summary>Written but never read.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenReading)]
    public int Echo => CardId;

    /// <summary>Written only with <c>IncludeFields</c>.</summary>
    public int Counter;

    /// <summary>Left out with <c>IgnoreReadOnlyProperties</c>.</summary>
    public string Computed => HTMLTitle + "!";
}

/// <summary>A nested record.</summary>
public sealed record UpdateInner(string IOName, double? Weight);

/// <summary>Web defaults: camelCase.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(UpdateSample))]
internal sealed partial class WebUpdateJson : JsonSerializerContext;

/// <summary>SNAKE_CASE, fields, every enum by name, nulls left out, read-only properties left out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseUpper, IncludeFields = true, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(UpdateSample))]
internal sealed partial class SnakeUpdateJson : JsonSerializerContext;

/// <summary>kebab-case, defaults left out, numbers as strings; public, so that the tests also read it from this assembly.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    NumberHandling = JsonNumberHandling.WriteAsString)]
[JsonSerializable(typeof(UpdateSample))]
public sealed partial class KebabUpdateJson : JsonSerializerContext;

/// <summary>No options: names as declared.</summary>
[JsonSerializable(typeof(UpdateSample))]
internal sealed partial class PlainUpdateJson : JsonSerializerContext;
