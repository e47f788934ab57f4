using System.Text.Json.Nodes;
using LiveTemplate.Typed.Generators.Tests.Fixtures;
using LiveTemplate.Typed.Generators.Tests.Infrastructure;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>
/// Go's encoding/json writes a slice or map that was never made (nil) as <c>null</c>, and a Go peer publishes such data
/// as a matter of course: a collection member that does not accept null reads it as empty, at every depth, where a
/// null scalar or record is still refused and a nullable member still reads null.
/// </summary>
public class GoNilCollectionTests
{
    [Fact]
    public void Null_for_a_collection_or_bytes_reads_as_empty_at_every_depth()
    {
        var data = JsonNode.Parse(Json.Write(Fixture.AllTypesAt(max: true)))!.AsObject();
        foreach (var member in new[] { "blob", "numbers", "names", "ratios", "ids", "longs", "counts", "people", "sparseNumbers" })
        {
            data[member] = null;
        }

        data["matrix"] = new JsonArray(null, new JsonArray("a"));
        data["teams"] = new JsonObject { ["red"] = null };

        var read = Json.Read<AllTypes>(data.ToJsonString());

        Assert.Empty(read.Blob);
        Assert.Empty(read.Numbers);
        Assert.Empty(read.Names);
        Assert.Empty(read.Ratios);
        Assert.Empty(read.Ids);
        Assert.Empty(read.Longs);
        Assert.Empty(read.Counts);
        Assert.Empty(read.People);
        Assert.Empty(read.SparseNumbers);
        Assert.Equal(2, read.Matrix.Count);
        Assert.Empty(read.Matrix[0]);
        Assert.Equal(["a"], read.Matrix[1]);
        Assert.Empty(read.Teams["red"]);
    }

    [Theory]
    [InlineData("text", "must be a string (found null)")]
    [InlineData("home", "must be an object (found null)")]
    public void Null_for_a_scalar_or_a_record_that_accepts_none_is_still_refused(string member, string reason)
    {
        var data = JsonNode.Parse(Json.Write(Fixture.AllTypesAt(max: true)))!.AsObject();
        data[member] = null;

        var error = Json.Fail<AllTypes>(data.ToJsonString());

        Assert.Equal(member, error.Path);
        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void A_nullable_member_still_reads_null()
    {
        var data = JsonNode.Parse(Json.Write(Fixture.AllTypesAt(max: true)))!.AsObject();
        data["work"] = null;
        data["maybeText"] = null;

        var read = Json.Read<AllTypes>(data.ToJsonString());

        Assert.Null(read.Work);
        Assert.Null(read.MaybeText);
    }
}
