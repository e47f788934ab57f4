using System.Text;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Generators.Tests.Fixtures;
using LiveTemplate.Typed.Generators.Tests.Infrastructure;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>The generated writers and readers of the records in Fixtures/, run for real.</summary>
public class RoundTripTests
{
    [Fact]
    public void Go_server_action_data_decodes_into_the_typed_record()
    {
        var data = WireVectors.Data("go-server-action.json");
        Assert.Contains("\\u003cb\\u003e", Encoding.UTF8.GetString(data)); // Go's HTML-safe escapes are really there

        var action = Json.Read<CartUpdated>(Encoding.UTF8.GetString(data));

        Assert.Equal(Guid.Parse("3f2c1d9e-8b7a-4c5d-9e0f-1a2b3c4d5e6f"), action.CartId);
        Assert.Equal(3, action.Items);
        Assert.Equal(42.5m, action.Total);
        Assert.Equal("<b>free</b> shipping & more", action.Note);
    }

    [Fact]
    public void Go_group_action_data_decodes_into_the_typed_record_with_a_nested_person()
    {
        var action = Json.Read<CardMoved>(Encoding.UTF8.GetString(WireVectors.Data("go-group-action.json")));

        Assert.Equal(17, action.CardId);
        Assert.Equal("done", action.Column);
        Assert.Equal(["ux", "p1"], action.Tags);
        Assert.Equal(new Person("bob", "Bob"), action.MovedBy);
    }

    [Fact]
    public void Go_legacy_group_action_without_data_decodes_into_a_record_without_members()
    {
        Assert.Empty(WireVectors.Data("go-group-action-legacy.json"));
        Assert.True(ActionJson.TryRead<BoardCleared>(ReadOnlySpan<byte>.Empty, out var action, out _));
        Assert.Equal(new BoardCleared(), action);
    }

    [Fact]
    public void Written_data_uses_camel_case_names_and_the_types_go_expects()
    {
        var json = Json.Write(new CardMoved(17, "done", ["ux", "p1"], new Person("bob", "Bob")));

        Assert.Equal("""{"cardId":17,"column":"done","tags":["ux","p1"],"movedBy":{"id":"bob","name":"Bob"}}""", json);
    }

    [Fact]
    public void Decimal_is_written_and_read_exactly()
    {
        var json = Json.Write(new CartUpdated(Guid.Empty, 3, 42.5m, null));

        Assert.Contains("\"total\":42.5", json);
        Assert.Contains("\"note\":null", json);
        Assert.Equal(0.1m + 0.2m, Json.RoundTrip(new CartUpdated(Guid.Empty, 0, 0.1m + 0.2m, null)).Total);
        Assert.Equal(decimal.MaxValue, Json.RoundTrip(new CartUpdated(Guid.Empty, 0, decimal.MaxValue, null)).Total);
        Assert.Equal(decimal.MinValue, Json.RoundTrip(new CartUpdated(Guid.Empty, 0, decimal.MinValue, null)).Total);
    }

    [Fact]
    public void JsonPropertyName_is_honoured_and_a_missing_member_with_a_default_takes_it()
    {
        Assert.Equal("""{"display_name":"Ann","version":4}""", Json.Write(new ProfileRenamed("Ann", 4)));
        Assert.Equal(new ProfileRenamed("Ann", 1), Json.Read<ProfileRenamed>("""{"display_name":"Ann"}"""));
        Assert.Equal("display_name", Json.Fail<ProfileRenamed>("""{"displayName":"Ann"}""").Path);
    }

    [Fact]
    public void Every_supported_type_round_trips_with_maximum_values()
    {
        var original = Fixture.AllTypesAt(max: true);

        var back = Json.RoundTrip(original);

        Fixture.AssertSame(original, back);
    }

    [Fact]
    public void Every_supported_type_round_trips_with_minimum_values_nulls_and_empty_collections()
    {
        var original = Fixture.AllTypesAt(max: false);

        var back = Json.RoundTrip(original);

        Fixture.AssertSame(original, back);
        Assert.Null(back.MaybeNumber);
        Assert.Null(back.MaybeText);
        Assert.Null(back.Work);
        Assert.Empty(back.Names);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain ascii")]
    [InlineData("quotes \" and \\ backslash / slash")]
    [InlineData("<script>alert('x')</script> & more")]
    [InlineData("line\nbreak\ttab\r\0nul\u001f")]
    [InlineData("héllo wörld — ünïcödé 日本語 😀")]
    [InlineData("\u2028\u2029")]
    public void Strings_with_unicode_and_escapes_round_trip(string text)
    {
        var back = Json.RoundTrip(new CartUpdated(Guid.NewGuid(), 1, 1m, text));

        Assert.Equal(text, back.Note);
    }

    [Fact]
    public void Html_characters_are_escaped_as_go_does()
    {
        var json = Json.Write(new CartUpdated(Guid.Empty, 0, 0m, "<b>&</b>"));

        Assert.Contains("\\u003Cb\\u003E\\u0026\\u003C/b\\u003E", json);
    }

    [Fact]
    public void Enums_are_written_by_name_aliases_by_their_first_name_and_unnamed_values_by_number()
    {
        var json = Json.Write(Fixture.AllTypesAt(max: false) with { Priority = Priority.Critical, Access = Access.Read | Access.Write, MaybePriority = Priority.High });

        Assert.Contains("\"priority\":\"Urgent\"", json);
        Assert.Contains("\"access\":3", json);
        Assert.Contains("\"maybePriority\":\"High\"", json);
        var back = Json.Read<AllTypes>(json);
        Assert.Equal(Priority.Urgent, back.Priority);
        Assert.Equal(Access.Read | Access.Write, back.Access);
    }

    [Fact]
    public void Enum_aliases_are_accepted_when_reading()
    {
        var json = Json.Write(Fixture.AllTypesAt(max: false)).Replace("\"priority\":\"Low\"", "\"priority\":\"Critical\"");

        Assert.Equal(Priority.Critical, Json.Read<AllTypes>(json).Priority);
    }

    [Fact]
    public void Time_values_use_iso_and_invariant_formats()
    {
        var json = Json.Write(Fixture.AllTypesAt(max: false) with
        {
            Day = new DateOnly(2026, 11, 27),
            Time = new TimeOnly(10, 15, 30, 500),
            Duration = new TimeSpan(1, 2, 3, 4, 500),
            At = new DateTime(2026, 11, 27, 10, 15, 30, DateTimeKind.Utc),
        });

        Assert.Contains("\"day\":\"2026-11-27\"", json);
        Assert.Contains("\"time\":\"10:15:30.5\"", json);
        Assert.Contains("\"duration\":\"1.02:03:04.5000000\"", json);
        Assert.Contains("\"at\":\"2026-11-27T10:15:30Z\"", json);
    }

    [Fact]
    public void A_go_timestamp_with_nanoseconds_reads_as_a_date_time_offset()
    {
        var json = Json.Write(Fixture.AllTypesAt(max: false)).Replace("\"atOffset\":\"0001-01-01T00:00:00+00:00\"", "\"atOffset\":\"2026-11-27T10:15:31.000000001Z\"");

        var back = Json.Read<AllTypes>(json);

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 15, 31, TimeSpan.Zero), back.AtOffset);
    }

    [Fact]
    public void Record_structs_and_self_nesting_payloads_round_trip()
    {
        Assert.Equal(new CounterTicked(long.MaxValue), Json.RoundTrip(new CounterTicked(long.MaxValue)));
        var tree = new TreeChanged(new Node("root", [new Node("a", []), new Node("b", [new Node("c", [])])]));

        var back = Json.RoundTrip(tree);

        Assert.Equal("c", back.Root.Children[1].Children[0].Label);
    }

    [Fact]
    public void Unknown_properties_are_skipped_and_the_last_duplicate_wins()
    {
        var action = Json.Read<CardMoved>("""
            {"extra":{"deep":[1,2,{"x":null}]},"cardId":1,"column":"a","tags":[],"movedBy":{"id":"i","name":"n","age":3},"cardId":2}
            """);

        Assert.Equal(2, action.CardId);
        Assert.Equal(new Person("i", "n"), action.MovedBy);
    }

    [Fact]
    public void Escaped_property_names_match()
    {
        var action = Json.Read<CartUpdated>("""{"\u0063artId":"3f2c1d9e-8b7a-4c5d-9e0f-1a2b3c4d5e6f","items":1,"total":1,"note":null}""");

        Assert.Equal(1, action.Items);
    }

    [Fact]
    public void Nan_cannot_be_written_because_json_has_no_such_number()
    {
        var action = Fixture.AllTypesAt(max: false) with { Double = double.NaN };

        Assert.ThrowsAny<ArgumentException>(() => ActionJson.SerializeToUtf8Bytes(action));
        Assert.Equal(Json.Write(Fixture.AllTypesAt(max: false)), Json.Write(Fixture.AllTypesAt(max: false))); // the cached writer recovered
    }

    public static TheoryData<string, string> NotNumbers => new()
    {
        { "double", "'double' is NaN" },
        { "single", "'single' is -Infinity" },
        { "ratios", "A number in the action is Infinity" },
    };

    [Theory]
    [MemberData(nameof(NotNumbers))]
    public void A_NaN_or_an_infinity_is_refused_naming_the_member_and_not_suggesting_a_number_handling_typed_actions_refuse(string member, string expected)
    {
        var valid = Fixture.AllTypesAt(max: false);
        var action = member switch
        {
            "double" => valid with { Double = double.NaN },
            "single" => valid with { Single = float.NegativeInfinity },
            _ => valid with { Ratios = [1.5, double.PositiveInfinity] },
        };

        var error = Assert.IsType<ArgumentException>(Record.Exception(() => ActionJson.SerializeToUtf8Bytes(action)));

        Assert.StartsWith(expected + ", which JSON has no number for", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AllowNamedFloatingPointLiterals", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialising_returns_a_new_array_each_time()
    {
        var first = ActionJson.SerializeToUtf8Bytes(new CounterTicked(1));
        var second = ActionJson.SerializeToUtf8Bytes(new CounterTicked(2));

        Assert.NotSame(first, second);
        Assert.Equal("""{"count":1}""", Encoding.UTF8.GetString(first));
    }
}
