using System.Text.Json.Serialization;
using LiveTemplate.Typed;

namespace LiveTemplate.Typed.Benchmarks.Actions;

// The three action shapes of the serialization benchmark. Our generator writes their JSON code; the
// System.Text.Json source generator writes it again in ShapesJsonContext; reflection reads the same records.

/// <summary>Small and flat: four scalar members.</summary>
[ServerAction("cart-updated")]
public sealed partial record CartUpdated(Guid CartId, int Items, decimal Total, string Currency);

/// <summary>Medium: a list of strings and a nested record.</summary>
[GroupAction("card-moved")]
public sealed partial record CardMoved(int CardId, string Column, IReadOnlyList<string> Tags, Person MovedBy, DateTimeOffset MovedAt);

/// <summary>Who did something.</summary>
public sealed record Person(string Id, string Name);

/// <summary>Large: a dictionary and a list of 50 nested records.</summary>
[GroupAction("board-snapshot")]
public sealed partial record BoardSnapshot(string BoardId, long Version, Dictionary<string, int> ColumnCounts, IReadOnlyList<CardSummary> Cards);

/// <summary>One card of a <see cref="BoardSnapshot"/>.</summary>
public sealed record CardSummary(int Id, string Title, string Column, int Points, bool Done, IReadOnlyList<string> Labels);

/// <summary>The System.Text.Json source-generated serializers of the same shapes, with the same (camelCase) names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CartUpdated))]
[JsonSerializable(typeof(CardMoved))]
[JsonSerializable(typeof(BoardSnapshot))]
public sealed partial class ShapesJsonContext : JsonSerializerContext;

/// <summary>One instance of each shape, with realistic content.</summary>
public static class ShapeSamples
{
    private static readonly string[] Columns = ["todo", "doing", "review", "done"];

    public static CartUpdated Small { get; } = new(Guid.Parse("3f2c1d9e-8b7a-4c5d-9e0f-1a2b3c4d5e6f"), 3, 42.50m, "EUR");

    public static CardMoved Medium { get; } = new(
        17,
        "done",
        ["ux", "backend", "needs-review", "p1"],
        new Person("u-42", "Ada Lovelace"),
        new DateTimeOffset(2026, 11, 27, 10, 15, 30, TimeSpan.Zero));

    public static BoardSnapshot Large { get; } = new(
        "board-42",
        1234567,
        Columns.ToDictionary(c => c, c => c.Length * 3),
        Enumerable.Range(1, 50)
            .Select(i => new CardSummary(i, $"Card number {i} with a title", Columns[i % Columns.Length], i % 8, i % 3 == 0, i % 2 == 0 ? ["bug", "p2"] : ["feature"]))
            .ToList());
}
