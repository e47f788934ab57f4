namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>The inputs of the snapshot tests: the C# snapshots (<see cref="SnapshotTests"/>) and the TypeScript ones (<see cref="TypeScriptSnapshotTests"/>).</summary>
internal static class SnapshotSources
{
    public const string Server_action_in_a_namespace =
        """
        using System;
        using LiveTemplate.Typed;

        namespace Shop;

        [ServerAction("cart-updated")]
        public sealed partial record CartUpdated(Guid CartId, int Items, decimal Total, string? Note);
        """;

    public const string Group_action_with_nested_payload =
        """
        using System.Collections.Generic;
        using LiveTemplate.Typed;

        namespace Boards;

        [GroupAction]
        public sealed partial record CardMoved(int CardId, string Column, IReadOnlyList<string> Tags, Person MovedBy);

        public sealed record Person(string Id, string Name);
        """;

    public const string Every_supported_type =
        """
        using System;
        using System.Collections.Generic;
        using LiveTemplate.Typed;

        namespace Kitchen;

        public enum Level : short { Low = -1, High = 1, Top = High }

        public readonly record struct Point(double X, double Y);

        public sealed class Tag
        {
            public string Name { get; init; } = "";
            public Tag? Parent { get; set; }
        }

        [ServerAction]
        public sealed partial record EverythingChanged(
            bool Flag, byte Byte, sbyte SByte, short Int16, ushort UInt16, int Int32, uint UInt32, long Int64, ulong UInt64,
            float Single, double Double, decimal Decimal, char Char, string Text, Guid Id,
            DateTime At, DateTimeOffset AtOffset, TimeSpan Duration, DateOnly Day, TimeOnly Time,
            Level Level, Level? MaybeLevel, byte[] Blob, int? MaybeNumber, string? MaybeText,
            int[] Numbers, List<string> Names, IReadOnlyList<Point> Points, IReadOnlyCollection<Guid> Ids, IEnumerable<long> Longs,
            Dictionary<string, int> Counts, IReadOnlyDictionary<string, List<Tag?>> Tags, List<List<int>> Matrix);
        """;

    public const string Custom_names_defaults_and_keywords =
        """
        using System.Text.Json.Serialization;
        using LiveTemplate.Typed;

        namespace Profiles;

        [ServerAction("profile:renamed")]
        public sealed partial record ProfileRenamed(
            [property: JsonPropertyName("display_name")] string DisplayName,
            int @class,
            string Reason = "user \"asked\"",
            int Version = 1,
            bool Notify = true,
            string? Comment = null);

        [GroupAction]
        public sealed partial record HTMLExported;
        """;

    public const string Handlers_for_several_actions_in_namespaces_and_generic_containers =
        """
        using System.Threading.Tasks;
        using LiveTemplate.Typed;

        namespace Boards
        {
            [GroupAction]
            public sealed partial record CardMoved(int CardId);

            [ServerAction]
            public sealed partial record CartUpdated(int Items);

            public sealed partial class BoardHandler : IHandle<CardMoved>, IHandle<CartUpdated>
            {
                public ValueTask HandleAsync(CardMoved action, ActionContext context) => default;
                public ValueTask HandleAsync(CartUpdated action, ActionContext context) => default;
            }

            public partial class Module<TState>
            {
                internal sealed partial class Inner : LiveTemplate.Typed.IHandle<CardMoved>
                {
                    ValueTask IHandle<CardMoved>.HandleAsync(CardMoved action, ActionContext context) => default;
                }
            }
        }

        public partial struct GlobalHandler : IHandle<Boards.CartUpdated>
        {
            public ValueTask HandleAsync(Boards.CartUpdated action, ActionContext context) => default;
        }
        """;

    public const string Actions_nested_in_types_and_in_the_global_namespace =
        """
        using LiveTemplate.Typed;

        [GroupAction]
        public partial record struct Ticked(long Count);

        namespace Games
        {
            public static partial class Chess
            {
                public partial record Events
                {
                    [ServerAction]
                    public sealed partial record MoveMade(string From, string To);
                }
            }
        }
        """;

    // Every rule of docs/browser-client.md#updates: Web defaults, a naming policy, no options, [JsonPropertyName],
    // [JsonIgnore] conditions, nullable members, enums by name and by number, lists, dictionaries, nested records,
    // raw JSON, a name that is not a constant, a type info that is no context's property, and a context written by
    // hand, whose property binds and whose options are its own (unknown; a referenced assembly's context is read, see
    // UpdateDeclarationTests).
    public const string Updates_as_System_Text_Json_writes_them =
        """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;
        using System.Threading.Tasks;
        using LiveTemplate.Typed;
        using LiveTemplate.Typed.AspNetCore;

        namespace Boards
        {
            public enum Priority { Low, High }

            [JsonConverter(typeof(JsonStringEnumConverter))]
            public enum Column { Todo, [JsonStringEnumMemberName("in-progress")] Doing, Done }

            [Flags]
            [JsonConverter(typeof(JsonStringEnumConverter))]
            public enum Marks { None = 0, Starred = 1, Pinned = 2 }

            public sealed record Person(string Name, string Email);

            public sealed record Card(
                int Id, string Title, Column Column, Priority Priority, Person Owner,
                [property: JsonPropertyName("labels")] IReadOnlyList<string> Tags,
                Dictionary<string, int> Votes, Dictionary<int, string> ByNumber, Person? Reviewer, DateTimeOffset At, Guid Key,
                byte[] Blob, double? Estimate, Marks Marks, object? Extra, JsonElement Raw, List<string?> Maybe)
            {
                [JsonIgnore]
                public string Secret => "";

                [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
                public string? Note { get; init; }

                [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
                public int Rank { get; init; }

                [JsonConverter(typeof(JsonStringEnumConverter))]
                public Priority Urgency { get; init; }

                public int NotAProperty;
            }

            public sealed record BoardSnapshot(string BoardName, IReadOnlyList<Card> Cards, Card[]? Archived);

            public sealed class Stats
            {
                public int CardCount { get; set; }
                public string HTMLTitle { get; set; } = "";
                public Priority Top { get; set; }
                public string? Owner { get; set; }
                public int Field;
                public int ReadOnly => 1;
            }

            [GroupAction]
            public sealed partial record CardMoved(int CardId, Person MovedBy);

            [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
            [JsonSerializable(typeof(BoardSnapshot))]
            [JsonSerializable(typeof(List<Card>))]
            public sealed partial class WebJson : JsonSerializerContext { }

            [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true, IncludeFields = true,
                IgnoreReadOnlyProperties = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
            [JsonSerializable(typeof(Stats))]
            [JsonSerializable(typeof(Person), TypeInfoPropertyName = "SnakePerson")]
            public sealed partial class SnakeJson : JsonSerializerContext { }

            [JsonSerializable(typeof(Stats))]
            public sealed partial class PlainJson : JsonSerializerContext { }

            [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseUpper, NumberHandling = JsonNumberHandling.WriteAsString)]
            public sealed class HandWrittenJson : JsonSerializerContext
            {
                public HandWrittenJson() : base(null) { }
                public static HandWrittenJson Default { get; } = new();
                public JsonTypeInfo<Stats> Stats => throw new NotSupportedException();
                protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
                public override JsonTypeInfo? GetTypeInfo(Type type) => null;
            }

            public sealed class Updates
            {
                private const string StatsName = "stats";

                public async Task SendAsync(LiveConnection live, BoardSnapshot board, Stats stats, Person person, string anyName, JsonTypeInfo<Stats> someInfo)
                {
                    await live.SendAsync("board", board, WebJson.Default.BoardSnapshot);
                    await live.SendAsync("cards", board.Cards.ToList(), WebJson.Default.ListCard);
                    await live.SendAsync(StatsName, stats, SnakeJson.Default.Stats);
                    await live.SendAsync(StatsName, stats, PlainJson.Default.Stats);
                    await live.SendAsync("person", person, SnakeJson.Default.SnakePerson);
                    await live.SendAsync("hand-written", stats, HandWrittenJson.Default.Stats);
                    await live.SendAsync(name: "named", typeInfo: PlainJson.Default.Stats, value: stats);
                    await live.SendAsync("raw", "{}"u8.ToArray());
                    await live.SendAsync("opaque", stats, someInfo);
                    await live.SendAsync(anyName, stats, PlainJson.Default.Stats);
                    await live.SendAsync(new CardMoved(1, person));
                }
            }
        }
        """;
}
