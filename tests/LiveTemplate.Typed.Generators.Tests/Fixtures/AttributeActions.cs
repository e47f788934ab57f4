using System.Text.Json.Serialization;
using LiveTemplate.Typed;

namespace LiveTemplate.Typed.Generators.Tests.Fixtures;

// Declarations that use System.Text.Json's attributes, C# `required` and ordinary attributes such as [Obsolete]. This
// project builds with warnings as errors, so the generated code for them compiles without a warning.

/// <summary>[JsonIgnore] with each condition, and [JsonPropertyOrder].</summary>
[ServerAction]
public sealed partial record SignedIn(
    string User,
    [property: JsonIgnore] string Password = "",
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Token = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Attempts = 3,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Device = null)
{
    [JsonIgnore]
    public string Session { get; init; } = "kept";

    [JsonPropertyOrder(-1)]
    public long At { get; init; }
}

/// <summary>Members set outside the constructor: required ones, and ones that keep their initializer when absent.</summary>
[GroupAction]
public sealed partial record ProfileShown(string Name)
{
    public required string? Nickname { get; init; }

    [JsonRequired]
    public int Level { get; init; }

    public List<string> Tags { get; init; } = ["default"];

    public string Motto { get; set; } = "none";
}

/// <summary>Members named like the generated constants: the user's names win.</summary>
[ServerAction("audit-logged")]
public sealed partial record AuditLogged(string ActionName, int ActionScope);

/// <summary>A base action and an action derived from it: each has its own name.</summary>
[GroupAction]
public partial record CardTouched(int CardId);

[GroupAction]
public sealed partial record CardTouchedTwice(int CardId, string By) : CardTouched(CardId);

/// <summary>An enum by number, one by name with its own member names, and a type that refuses unknown members.</summary>
[GroupAction]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed partial record StatusChanged(
    Status Status,
    [property: JsonConverter(typeof(JsonStringEnumConverter))] Shade Shade,
    [property: JsonConverter(typeof(JsonNumberEnumConverter<Shade>))] Shade? ShadeNumber);

[JsonConverter(typeof(JsonNumberEnumConverter<Status>))]
public enum Status
{
    Draft = 1,
    Live = 2,
}

public enum Shade
{
    [JsonStringEnumMemberName("light-grey")]
    LightGrey,
    Dark,
}

/// <summary>A constructor that validates what it is given.</summary>
[ServerAction]
public sealed partial record PercentSet(int Value)
{
    public int Value { get; } = Value is >= 0 and <= 100 ? Value : throw new ArgumentOutOfRangeException(nameof(Value), Value, "A percentage is 0 to 100.");
}

/// <summary>Validating constructors below the action: in a member, and in a list's items.</summary>
[ServerAction]
public sealed partial record BudgetSet(Percent Share, List<Percent> Splits);

public sealed record Percent(int Value)
{
    public int Value { get; } = Value is >= 0 and <= 100 ? Value : throw new ArgumentOutOfRangeException(nameof(Value), Value, "A percentage is 0 to 100.");
}

/// <summary>Obsolete types and members, one of them an error to use; the generated code uses them all.</summary>
[Obsolete("Use CardTouched.")]
[GroupAction]
public sealed partial record CardPoked([property: Obsolete("Gone.", error: true)] int Old, Legacy Kind, OldNote? Note);

public enum Legacy
{
    [Obsolete("Use New.")]
    Old,
    New,
}

[Obsolete]
public sealed record OldNote(string Text);
