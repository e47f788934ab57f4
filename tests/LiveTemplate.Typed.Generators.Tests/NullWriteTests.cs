using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Generators.Tests.Fixtures;
using LiveTemplate.Typed.Generators.Tests.Infrastructure;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>
/// A null where the declared type accepts none (a <c>null!</c>, a <c>default</c> struct) cannot be written: every
/// reader would refuse the data, so the publish throws, naming the member when it is one, as it does for a NaN.
/// </summary>
public class NullWriteTests
{
    private static readonly Person Bob = new("bob", "Bob");

    [Theory]
    [InlineData("column")]
    [InlineData("tags")]
    [InlineData("movedBy")]
    [InlineData("blob")]
    [InlineData("counts")]
    [InlineData("home")]
    public void A_null_member_whose_type_accepts_none_is_refused_by_name(string member)
    {
        var error = Assert.ThrowsAny<ArgumentException>(WriteWithNull(member));

        Assert.Contains($"'{member}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("nullable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_inside_a_collection_or_nested_type_that_accepts_none_is_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => Json.Write(new CardMoved(1, "done", ["ux", null!], Bob)));
        Assert.ThrowsAny<ArgumentException>(() => Json.Write(new CardMoved(1, "done", [], new Person("bob", null!))));
        Assert.ThrowsAny<ArgumentException>(() => Json.Write(Fixture.AllTypesAt(max: false) with { People = new Dictionary<string, Person> { ["x"] = null! } }));
        Assert.ThrowsAny<ArgumentException>(() => Json.Write(Fixture.AllTypesAt(max: false) with { Matrix = [["a"], null!] }));
        Assert.Equal(Json.Write(Fixture.AllTypesAt(max: false)), Json.Write(Fixture.AllTypesAt(max: false))); // the cached writer recovered
    }

    [Fact]
    public void Nulls_where_the_type_accepts_them_are_written()
    {
        var json = Json.Write(Fixture.AllTypesAt(max: true) with { MaybeText = null, Work = null, Teams = new Dictionary<string, IReadOnlyList<Person?>> { ["t"] = [null] } });

        Assert.Contains("\"maybeText\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"work\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"teams\":{\"t\":[null]}", json, StringComparison.Ordinal);
        Assert.Equal(json, Json.Write(Json.RoundTrip(Json.Read<AllTypes>(json))));
    }

    private static Action WriteWithNull(string member) => member switch
    {
        "column" => () => ActionJson.SerializeToUtf8Bytes(new CardMoved(1, null!, [], Bob)),
        "tags" => () => ActionJson.SerializeToUtf8Bytes(new CardMoved(1, "done", null!, Bob)),
        "movedBy" => () => ActionJson.SerializeToUtf8Bytes(new CardMoved(1, "done", [], null!)),
        "blob" => () => ActionJson.SerializeToUtf8Bytes(Fixture.AllTypesAt(max: false) with { Blob = null! }),
        "counts" => () => ActionJson.SerializeToUtf8Bytes(Fixture.AllTypesAt(max: false) with { Counts = null! }),
        _ => () => ActionJson.SerializeToUtf8Bytes(Fixture.AllTypesAt(max: false) with { Home = null! }),
    };
}
