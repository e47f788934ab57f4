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
}
