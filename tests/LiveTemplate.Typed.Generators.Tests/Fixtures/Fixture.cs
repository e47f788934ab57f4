using LiveTemplate.Typed.Generators.Tests.Infrastructure;

namespace LiveTemplate.Typed.Generators.Tests.Fixtures;

/// <summary>Builds <see cref="AllTypes"/> at the edges of every member's range.</summary>
internal static class Fixture
{
    public static AllTypes AllTypesAt(bool max) => max
        ? new AllTypes(
            true, byte.MaxValue, sbyte.MaxValue, short.MaxValue, ushort.MaxValue, int.MaxValue, uint.MaxValue, long.MaxValue, ulong.MaxValue,
            float.MaxValue, double.MaxValue, decimal.MaxValue, '\uffff', "max \u00e9 😀", Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff"),
            DateTime.MaxValue, DateTimeOffset.MaxValue, TimeSpan.MaxValue, DateOnly.MaxValue, TimeOnly.MaxValue,
            Priority.High, Access.Write, [0, 1, 254, 255], int.MaxValue, "text", Priority.Urgent,
            [int.MinValue, 0, int.MaxValue], ["a", "b"], [double.Epsilon, -1.5, 1e300], [Guid.Empty], [long.MinValue, long.MaxValue],
            new Dictionary<string, int> { ["one"] = 1, ["\"quoted\" key"] = 2, [""] = 3 },
            new Dictionary<string, Person> { ["bob"] = new("bob", "Bob") },
            [1, null, 3], [["x"], [], ["y", "z"]],
            new Dictionary<string, IReadOnlyList<Person?>> { ["team"] = [new Person("a", "A"), null] },
            new Address("1 Main St", "Springfield") { Country = "US", Lines = ["Apt 2"] },
            new Address("2 Work Rd", "Shelbyville"),
            new Coordinates(90, -180))
        : new AllTypes(
            false, byte.MinValue, sbyte.MinValue, short.MinValue, ushort.MinValue, int.MinValue, uint.MinValue, long.MinValue, ulong.MinValue,
            float.MinValue, double.MinValue, decimal.MinValue, '\0', string.Empty, Guid.Empty,
            DateTime.MinValue, DateTimeOffset.MinValue, TimeSpan.MinValue, DateOnly.MinValue, TimeOnly.MinValue,
            Priority.Low, Access.None, [], null, null, null,
            [], [], [], [], [],
            [], new Dictionary<string, Person>(),
            [], [],
            new Dictionary<string, IReadOnlyList<Person?>>(),
            new Address(string.Empty, string.Empty),
            null,
            default);

    /// <summary>Compares member by member (collections by content, which record equality does not).</summary>
    public static void AssertSame(AllTypes expected, AllTypes actual)
    {
        Assert.Equal(Json.Write(expected), Json.Write(actual));
        Assert.Equal(expected.Flag, actual.Flag);
        Assert.Equal(expected.UInt64, actual.UInt64);
        Assert.Equal(expected.Single, actual.Single);
        Assert.Equal(expected.Double, actual.Double);
        Assert.Equal(expected.Decimal, actual.Decimal);
        Assert.Equal(expected.Char, actual.Char);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.At, actual.At);
        Assert.Equal(expected.AtOffset, actual.AtOffset);
        Assert.Equal(expected.Duration, actual.Duration);
        Assert.Equal(expected.Day, actual.Day);
        Assert.Equal(expected.Time, actual.Time);
        Assert.Equal(expected.Blob, actual.Blob);
        Assert.Equal(expected.Numbers, actual.Numbers);
        Assert.Equal(expected.Names, actual.Names);
        Assert.Equal(expected.Ratios, actual.Ratios);
        Assert.Equal(expected.Counts, actual.Counts);
        Assert.Equal(expected.People, actual.People);
        Assert.Equal(expected.SparseNumbers, actual.SparseNumbers);
        Assert.Equal(expected.Home.Country, actual.Home.Country);
        Assert.Equal(expected.Home.Lines, actual.Home.Lines);
        Assert.Equal(expected.Position, actual.Position);
    }
}
