using LiveTemplate.Typed;

namespace LiveTemplate.Typed.Generators.Tests.Fixtures;

public enum Priority
{
    Low,
    Normal,
    High,
    Urgent = 10,
    Critical = Urgent,
}

[Flags]
public enum Access : byte
{
    None = 0,
    Read = 1,
    Write = 2,
}

/// <summary>Every supported member type once, nullable forms included.</summary>
[ServerAction]
public sealed partial record AllTypes(
    bool Flag,
    byte Byte,
    sbyte SByte,
    short Int16,
    ushort UInt16,
    int Int32,
    uint UInt32,
    long Int64,
    ulong UInt64,
    float Single,
    double Double,
    decimal Decimal,
    char Char,
    string Text,
    Guid Id,
    DateTime At,
    DateTimeOffset AtOffset,
    TimeSpan Duration,
    DateOnly Day,
    TimeOnly Time,
    Priority Priority,
    Access Access,
    byte[] Blob,
    int? MaybeNumber,
    string? MaybeText,
    Priority? MaybePriority,
    int[] Numbers,
    List<string> Names,
    IReadOnlyList<double> Ratios,
    IReadOnlyCollection<Guid> Ids,
    IEnumerable<long> Longs,
    Dictionary<string, int> Counts,
    IReadOnlyDictionary<string, Person> People,
    List<int?> SparseNumbers,
    List<List<string>> Matrix,
    Dictionary<string, IReadOnlyList<Person?>> Teams,
    Address Home,
    Address? Work,
    Coordinates Position);

public sealed record Address(string Street, string City)
{
    public string? Country { get; init; }

    public List<string> Lines { get; set; } = [];
}

public readonly record struct Coordinates(double Latitude, double Longitude);

/// <summary>A payload that nests itself, for the depth tests.</summary>
[GroupAction]
public sealed partial record TreeChanged(Node Root);

public sealed record Node(string Label, List<Node> Children);

[GroupAction]
public partial record struct CounterTicked(long Count);
