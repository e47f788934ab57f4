namespace LiveTemplate.Typed.Generators.Tests.Corpus;

/// <summary>Every kind of member type a typed action supports, each with values at its edges.</summary>
internal static class MemberTypes
{
    public const string Point = "public sealed record Point(int X, int Y);";
    public const string Shade = "public enum Shade : short { Dark = -1, Light = 1, Pale = Light }";
    public const string Access = "[Flags] public enum Access : byte { None = 0, Read = 1, Write = 2 }";
    public const string Label = "public sealed class Label { public string Text { get; init; } = \"\"; public Label? Parent { get; set; } }";
    public const string Size = "public readonly record struct Size(double Width, double Height);";
    public const string Node = "public sealed record Node(string Name, List<Node> Children);";

    public static readonly MemberType[] All =
    [
        new("bool", "bool", ["true", "false"], "true", TypeShape.Value),
        new("byte", "byte", ["byte.MaxValue", "(byte)0"], "7", TypeShape.Value),
        new("sbyte", "sbyte", ["sbyte.MinValue", "sbyte.MaxValue"], "-3", TypeShape.Value),
        new("short", "short", ["short.MinValue", "short.MaxValue"], "-300", TypeShape.Value),
        new("ushort", "ushort", ["ushort.MaxValue", "(ushort)1"], "65535", TypeShape.Value),
        new("int", "int", ["int.MinValue", "int.MaxValue", "0"], "int.MinValue", TypeShape.Value),
        new("uint", "uint", ["uint.MaxValue", "0u"], "4000000000", TypeShape.Value),
        new("long", "long", ["long.MinValue", "long.MaxValue"], "long.MinValue", TypeShape.Value),
        new("ulong", "ulong", ["ulong.MaxValue", "0ul"], "ulong.MaxValue", TypeShape.Value),
        new("float", "float", ["float.MaxValue", "-1.5f", "float.Epsilon"], "0.1f", TypeShape.Value),
        new("double", "double", ["double.MinValue", "1e-300", "-0.0", "double.Epsilon"], "double.NaN", TypeShape.Value),
        new("decimal", "decimal", ["decimal.MaxValue", "-1.50m", "0.0000000001m"], "2.50m", TypeShape.Value),
        new("char", "char", ["'\\uffff'", "'\"'", "'\\0'", "'é'"], "'\\n'", TypeShape.Value),
        new("string", "string", ["\"\"", "\"q\\\" \\\\ </script> é 😀 \\u2028 \\t\"", "\"\\u0000\""], "\"it \\\"is\\\" a default\"", TypeShape.Reference),
        new("Guid", "Guid", ["Guid.Empty", "Guid.Parse(\"ffffffff-0000-4000-8000-123456789abc\")"], null, TypeShape.Value),
        new("DateTime", "DateTime", ["DateTime.MaxValue", "new DateTime(2026, 11, 27, 10, 15, 30, 123, DateTimeKind.Utc)", "new DateTime(2000, 1, 1)"], null, TypeShape.Value),
        new("DateTimeOffset", "DateTimeOffset", ["DateTimeOffset.MinValue", "new DateTimeOffset(2026, 11, 27, 10, 15, 30, TimeSpan.FromMinutes(345))"], null, TypeShape.Value),
        new("TimeSpan", "TimeSpan", ["TimeSpan.MaxValue", "TimeSpan.MinValue", "new TimeSpan(1, 2, 3, 4, 5)"], null, TypeShape.Value),
        new("DateOnly", "DateOnly", ["DateOnly.MinValue", "DateOnly.MaxValue"], null, TypeShape.Value),
        new("TimeOnly", "TimeOnly", ["TimeOnly.MaxValue", "new TimeOnly(10, 15, 30, 500)"], null, TypeShape.Value) { UnlikeStj = "a fraction of a second is written without its trailing zeros" },
        new("bytes", "byte[]", ["new byte[] { 0, 1, 254, 255 }", "new byte[0]"], null, TypeShape.Reference),
        new("enum", "Shade", ["Shade.Dark", "Shade.Pale", "(Shade)99"], "Shade.Light", TypeShape.Value, Shade),
        new("flags", "Access", ["Access.Read | Access.Write", "Access.None"], "Access.Write", TypeShape.Value, Access) { UnlikeStj = "a combination of flags is written as its number" },
        new("int?", "int?", ["null", "-1"], "5", TypeShape.Nullable),
        new("Guid?", "Guid?", ["null", "Guid.Empty"], null, TypeShape.Nullable),
        new("enum?", "Shade?", ["null", "Shade.Dark"], "Shade.Dark", TypeShape.Nullable, Shade),
        new("string?", "string?", ["null", "\"x\""], "null", TypeShape.Nullable),
        new("record", "Point", ["new Point(-1, int.MaxValue)"], null, TypeShape.Reference, Point),
        new("record?", "Point?", ["null", "new Point(1, 2)"], "null", TypeShape.Nullable, Point),
        new("class", "Label", ["new Label { Text = \"a\", Parent = new Label { Text = \"b\" } }"], null, TypeShape.Reference, Label),
        new("struct", "Size", ["new Size(1.5, -2)", "default(Size)"], null, TypeShape.Value, Size),
        new("struct?", "Size?", ["null", "new Size(3, 4)"], null, TypeShape.Nullable, Size),
        new("tree", "Node", ["new Node(\"root\", [new Node(\"a\", []), new Node(\"b\", [new Node(\"c\", [])])])"], null, TypeShape.Reference, Node),
        new("int[]", "int[]", ["new[] { int.MinValue, 0, int.MaxValue }", "new int[0]"], null, TypeShape.Reference),
        new("string?[]", "string?[]", ["new string?[] { \"a\", null, \"\" }"], null, TypeShape.Reference),
        new("List<string>", "List<string>", ["new List<string> { \"a\", \"b\" }", "new List<string>()"], null, TypeShape.Reference),
        new("List<int?>", "List<int?>", ["new List<int?> { 1, null, 3 }"], null, TypeShape.Reference),
        new("List<Point?>", "List<Point?>", ["new List<Point?> { new Point(1, 2), null }"], null, TypeShape.Reference, Point),
        new("IReadOnlyList<double>", "IReadOnlyList<double>", ["new[] { double.Epsilon, -1.5, 1e300 }"], null, TypeShape.Reference),
        new("IReadOnlyCollection<Guid>", "IReadOnlyCollection<Guid>", ["new[] { Guid.Empty }"], null, TypeShape.Reference),
        new("IEnumerable<long>", "IEnumerable<long>", ["new[] { long.MinValue, long.MaxValue }", "new List<long>()"], null, TypeShape.Reference),
        new("List<List<string>>", "List<List<string>>", ["new List<List<string>> { new() { \"x\" }, new(), new() { \"y\", \"z\" } }"], null, TypeShape.Reference),
        new("Dictionary<string,int>", "Dictionary<string, int>", ["new Dictionary<string, int> { [\"one\"] = 1, [\"\\\"quoted\\\" key\"] = 2, [\"\"] = 3 }"], null, TypeShape.Reference),
        new("IReadOnlyDictionary<string,Point>", "IReadOnlyDictionary<string, Point>", ["new Dictionary<string, Point> { [\"p\"] = new Point(1, 2) }"], null, TypeShape.Reference, Point),
        new("Dictionary<string,List<Shade?>>", "Dictionary<string, List<Shade?>>", ["new Dictionary<string, List<Shade?>> { [\"s\"] = new() { Shade.Dark, null } }"], null, TypeShape.Reference, Shade),
        new("List<string>?", "List<string>?", ["null", "new List<string> { \"a\" }"], "null", TypeShape.Nullable),
    ];
}
