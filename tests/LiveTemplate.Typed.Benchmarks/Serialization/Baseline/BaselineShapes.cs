using LiveTemplate.Typed.Benchmarks.Actions;

namespace LiveTemplate.Typed.Benchmarks.Serialization.Baseline;

// The three shapes of Actions/Shapes.cs again, without [ServerAction]/[GroupAction]: their code is the one the
// generator of commit 921ed05 wrote (the *.Baseline.cs files beside), so the current generator leaves them alone.

/// <summary>Small and flat, as <see cref="Actions.CartUpdated"/>.</summary>
public sealed partial record CartUpdated(Guid CartId, int Items, decimal Total, string Currency);

/// <summary>Medium, as <see cref="Actions.CardMoved"/>.</summary>
public sealed partial record CardMoved(int CardId, string Column, IReadOnlyList<string> Tags, Person MovedBy, DateTimeOffset MovedAt);

/// <summary>Large, as <see cref="Actions.BoardSnapshot"/>.</summary>
public sealed partial record BoardSnapshot(string BoardId, long Version, Dictionary<string, int> ColumnCounts, IReadOnlyList<CardSummary> Cards);

/// <summary>The values of <see cref="ShapeSamples"/>, as baseline records.</summary>
public static class BaselineSamples
{
    public static CartUpdated Small { get; } = new(ShapeSamples.Small.CartId, ShapeSamples.Small.Items, ShapeSamples.Small.Total, ShapeSamples.Small.Currency);

    public static CardMoved Medium { get; } = new(ShapeSamples.Medium.CardId, ShapeSamples.Medium.Column, ShapeSamples.Medium.Tags, ShapeSamples.Medium.MovedBy, ShapeSamples.Medium.MovedAt);

    public static BoardSnapshot Large { get; } = new(ShapeSamples.Large.BoardId, ShapeSamples.Large.Version, ShapeSamples.Large.ColumnCounts, ShapeSamples.Large.Cards);
}
