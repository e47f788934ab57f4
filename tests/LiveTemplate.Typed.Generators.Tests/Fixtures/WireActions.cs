using System.Text.Json.Serialization;
using LiveTemplate.Typed;

namespace LiveTemplate.Typed.Generators.Tests.Fixtures;

// The actions of the Go wire vectors (shared/wire/go-server-action.json and go-group-action.json).

[ServerAction("cart-updated")]
public sealed partial record CartUpdated(Guid CartId, int Items, decimal Total, string? Note);

[GroupAction]
public sealed partial record CardMoved(int CardId, string Column, IReadOnlyList<string> Tags, Person MovedBy);

public sealed record Person(string Id, string Name);

[GroupAction]
public sealed partial record BoardCleared;

[ServerAction]
public sealed partial record ProfileRenamed([property: JsonPropertyName("display_name")] string DisplayName, int Version = 1);
