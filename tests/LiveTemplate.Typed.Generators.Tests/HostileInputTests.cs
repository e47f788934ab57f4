using System.Diagnostics;
using System.Text;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Generated;
using LiveTemplate.Typed.Generators.Tests.Fixtures;
using LiveTemplate.Typed.Generators.Tests.Infrastructure;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>Bad data given to generated readers: always a decode failure naming the member, never an exception or a hang.</summary>
public class HostileInputTests
{
    private const string ValidCardMoved = """{"cardId":17,"column":"done","tags":["ux","p1"],"movedBy":{"id":"bob","name":"Bob"}}""";

    [Fact]
    public void Every_truncation_of_valid_data_is_a_failure()
    {
        var bytes = Encoding.UTF8.GetBytes(ValidCardMoved);
        for (var length = 1; length < bytes.Length; length++)
        {
            var error = Json.Fail<CardMoved>(bytes[..length]);
            Assert.False(string.IsNullOrEmpty(error.Message));
        }
    }

    [Theory]
    [InlineData("""{"cardId":"17","column":"done","tags":[],"movedBy":{"id":"b","name":"B"}}""", "cardId", "must be a number (Int32) (found a string)")]
    [InlineData("""{"cardId":17,"column":5,"tags":[],"movedBy":{"id":"b","name":"B"}}""", "column", "must be a string (found a number)")]
    [InlineData("""{"cardId":17,"column":null,"tags":[],"movedBy":{"id":"b","name":"B"}}""", "column", "must be a string (found null)")]
    [InlineData("""{"cardId":17,"column":"done","tags":"ux","movedBy":{"id":"b","name":"B"}}""", "tags", "must be an array (found a string)")]
    [InlineData("""{"cardId":17,"column":"done","tags":["ux",7],"movedBy":{"id":"b","name":"B"}}""", "tags[1]", "must be a string (found a number)")]
    [InlineData("""{"cardId":17,"column":"done","tags":[],"movedBy":[]}""", "movedBy", "must be an object (found an array)")]
    [InlineData("""{"cardId":17,"column":"done","tags":[],"movedBy":{"id":"b","name":true}}""", "movedBy.name", "must be a string (found a boolean)")]
    [InlineData("""{"cardId":17,"column":"done","tags":[],"movedBy":{"id":"b"}}""", "movedBy.name", "is required but missing")]
    [InlineData("""{"column":"done","tags":[],"movedBy":{"id":"b","name":"B"}}""", "cardId", "is required but missing")]
    [InlineData("""{"cardId":17.5,"column":"done","tags":[],"movedBy":{"id":"b","name":"B"}}""", "cardId", "must be a number that fits Int32 (found 17.5)")]
    [InlineData("""{"cardId":99999999999999999999999999,"column":"d","tags":[],"movedBy":{"id":"b","name":"B"}}""", "cardId", "must be a number that fits Int32 (found 99999999999999999999999999)")]
    public void Wrong_types_and_missing_members_name_the_member(string json, string path, string reason)
    {
        var error = Json.Fail<CardMoved>(json);

        Assert.Equal(path, error.Path);
        Assert.Equal(reason, error.Reason);
        Assert.Contains($"'{path}'", error.Message);
    }

    [Theory]
    [InlineData("[]", "must be an object (found an array)")]
    [InlineData("null", "must be an object (found null)")]
    [InlineData("42", "must be an object (found a number)")]
    public void Data_that_is_not_an_object_is_a_failure_of_the_whole(string json, string reason)
    {
        var error = Json.Fail<CardMoved>(json);

        Assert.Equal(string.Empty, error.Path);
        Assert.Equal(reason, error.Reason);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"count\":}")]
    [InlineData("{\"count\":1,}")]
    [InlineData("{'count':1}")]
    [InlineData("{\"count\":1} {}")]
    [InlineData("{\"count\":1} x")]
    [InlineData("{\"count\":NaN}")]
    [InlineData("   ")]
    [InlineData("/* comment */ {}")]
    public void Malformed_json_is_a_failure(string json)
    {
        var error = Json.Fail<CounterTicked>(json);

        Assert.StartsWith("is not valid JSON", error.Reason);
    }

    [Fact]
    public void Invalid_utf8_in_a_string_is_a_failure_of_that_member_with_the_byte_and_its_position()
    {
        byte[] json = [.. "{\"cardId\":1,\"column\":\"d"u8, 0xC3, 0x28, .. "\",\"tags\":[],\"movedBy\":{\"id\":\"b\",\"name\":\"B\"}}"u8];

        var error = Json.Fail<CardMoved>(json);

        Assert.Equal("column", error.Path);
        Assert.Equal("is not valid UTF-8 (byte 0xC3 at offset 23 of the data)", error.Reason);
    }

    [Theory]
    [InlineData("""{"cardId":1,"column":"a\uD800b","tags":[],"movedBy":{"id":"b","name":"B"}}""", "column", "\\uD800")]
    [InlineData("""{"cardId":1,"column":"\uDC00","tags":[],"movedBy":{"id":"b","name":"B"}}""", "column", "\\uDC00")]
    [InlineData("""{"cardId":1,"column":"\uD83D\uDE00 ok \\uD800 \ud800","tags":[],"movedBy":{"id":"b","name":"B"}}""", "column", "\\ud800")]
    [InlineData("""{"cardId":1,"column":"c","tags":["ok","\uDFFF"],"movedBy":{"id":"b","name":"B"}}""", "tags[1]", "\\uDFFF")]
    [InlineData("""{"cardId":1,"column":"c","tags":[],"movedBy":{"id":"b","name":"\uD800\uD800"}}""", "movedBy.name", "\\uD800")]
    public void An_unpaired_surrogate_escape_is_a_failure_of_that_member_that_names_the_escape(string json, string path, string escape)
    {
        var error = Json.Fail<CardMoved>(json);

        Assert.Equal(path, error.Path);
        Assert.Equal($"contains the escape {escape}, an unpaired UTF-16 surrogate that is not text", error.Reason);
    }

    [Theory]
    [InlineData("\"char\":\"\\uD800\"", "char", "contains the escape \\uD800, an unpaired UTF-16 surrogate that is not text")]
    [InlineData("\"duration\":\"\\uDBFF\"", "duration", "contains the escape \\uDBFF, an unpaired UTF-16 surrogate that is not text")]
    [InlineData("\"counts\":{\"\\uD800\":1}", "counts", "has a key that contains the escape \\uD800, an unpaired UTF-16 surrogate that is not text")]
    public void Text_that_is_not_valid_in_other_string_forms_is_a_failure_with_its_path(string replacement, string path, string reason)
    {
        var json = Json.Write(Fixture.AllTypesAt(max: false));
        var member = replacement[..(replacement.IndexOf(':') + 1)];
        var start = json.IndexOf(member, StringComparison.Ordinal);
        var hostile = json[..start] + replacement + json[EndOfValue(json, start + member.Length)..];

        var error = Json.Fail<AllTypes>(hostile);

        Assert.Equal(path, error.Path);
        Assert.Equal(reason, error.Reason);
    }

    [Theory]
    [InlineData("single", "1e39")]
    [InlineData("double", "1e400")]
    [InlineData("double", "-1e400")]
    [InlineData("decimal", "1e29")]
    [InlineData("byte", "256")]
    [InlineData("sByte", "-129")]
    [InlineData("uInt64", "-1")]
    [InlineData("uInt64", "18446744073709551616")]
    public void Numbers_out_of_range_are_failures(string member, string number)
    {
        var json = Json.Write(Fixture.AllTypesAt(max: false));
        var start = json.IndexOf($"\"{member}\":", StringComparison.Ordinal) + member.Length + 3;
        var end = json.IndexOf(',', start);
        var hostile = json[..start] + number + json[end..];

        var error = Json.Fail<AllTypes>(hostile);

        Assert.Equal(member, error.Path);
        Assert.StartsWith("must be a number that fits", error.Reason);
    }

    [Theory]
    [InlineData("\"char\":\"ab\"", "char")]
    [InlineData("\"id\":\"not-a-guid\"", "id")]
    [InlineData("\"day\":\"2026-13-01\"", "day")]
    [InlineData("\"time\":\"25:00\"", "time")]
    [InlineData("\"duration\":\"forever\"", "duration")]
    [InlineData("\"blob\":\"***\"", "blob")]
    [InlineData("\"priority\":\"Highest\"", "priority")]
    [InlineData("\"priority\":true", "priority")]
    [InlineData("\"access\":300", "access")]
    [InlineData("\"at\":\"yesterday\"", "at")]
    [InlineData("\"counts\":{\"a\":\"1\"}", "counts[\"a\"]")]
    [InlineData("\"matrix\":[[\"x\"],[1]]", "matrix[1][0]")]
    [InlineData("\"teams\":{\"t\":[{\"id\":1}]}", "teams[\"t\"][0].id")]
    [InlineData("\"position\":{\"latitude\":\"north\"}", "position.latitude")]
    public void Bad_values_deep_inside_are_failures_with_their_path(string replacement, string path)
    {
        var json = Json.Write(Fixture.AllTypesAt(max: false));
        var member = replacement[..(replacement.IndexOf(':') + 1)];
        var start = json.IndexOf(member, StringComparison.Ordinal);
        var end = EndOfValue(json, start + member.Length);
        var hostile = json[..start] + replacement + json[end..];

        var error = Json.Fail<AllTypes>(hostile);

        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_a_failure_not_a_stack_overflow()
    {
        var depth = 10_000;
        var json = new StringBuilder("{\"root\":");
        for (var i = 0; i < depth; i++)
        {
            json.Append("{\"label\":\"x\",\"children\":[");
        }

        json.Append(']', 1);
        var error = Json.Fail<TreeChanged>(json.ToString());

        Assert.Contains("nesting deeper than", error.Reason);
    }

    [Theory]
    [InlineData("""{"cardId":17,"column":"done","tags":["ux"],"movedBy":{"id":"bob","name":"Bob"}""")]
    [InlineData("""{"cardId":17,"column":"done","tags":["ux""")]
    public void Data_cut_short_is_not_said_to_nest_too_deep(string json)
    {
        var error = Json.Fail<CardMoved>(json);

        Assert.StartsWith("is not valid JSON", error.Reason);
        Assert.DoesNotContain("nesting deeper", error.Reason);
        Assert.EndsWith("; the data ends before its JSON does", error.Reason);
    }

    [Fact]
    public void Nesting_within_the_limit_reads()
    {
        // Each Node level costs two JSON levels (object and children array); the root object and "root" one more.
        var levels = (ActionJsonReader.MaxDepth - 2) / 2;
        var json = new StringBuilder("{\"root\":");
        for (var i = 0; i < levels; i++)
        {
            json.Append("{\"label\":\"x\",\"children\":[");
        }

        for (var i = 0; i < levels; i++)
        {
            json.Append(i == 0 ? "]}" : "]}");
        }

        json.Append('}');
        Assert.True(ActionJson.TryRead<TreeChanged>(Encoding.UTF8.GetBytes(json.ToString()), out _, out var error), error?.Message);
    }

    [Fact]
    public void Deep_unknown_properties_are_skipped_within_the_limit_and_fail_beyond_it()
    {
        var within = "{\"extra\":" + new string('[', 50) + new string(']', 50) + ",\"count\":1}";
        var beyond = "{\"extra\":" + new string('[', 5000) + new string(']', 5000) + ",\"count\":1}";

        Assert.Equal(1, Json.Read<CounterTicked>(within).Count);
        Assert.StartsWith("is not valid JSON", Json.Fail<CounterTicked>(beyond).Reason);
    }

    [Fact]
    public void Many_duplicate_properties_read_quickly_and_the_last_wins()
    {
        var json = new StringBuilder("{");
        for (var i = 0; i < 100_000; i++)
        {
            json.Append("\"count\":").Append(i).Append(',');
        }

        json.Append("\"count\":-1}");
        var watch = Stopwatch.StartNew();

        var action = Json.Read<CounterTicked>(json.ToString());

        Assert.Equal(-1, action.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Random_corruptions_of_valid_data_are_read_or_refused_consistently_and_never_throw()
    {
        var random = new Random(20261127);
        var seeds = new[] { ValidCardMoved, Json.Write(Fixture.AllTypesAt(max: true)) };
        var (read, refused) = (0, 0);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(seeds[i % seeds.Length]);
            for (var flips = random.Next(1, 6); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var wellFormed = IsWellFormedJson(bytes);
            foreach (var outcome in new[] { ReadBack<CardMoved>(bytes, wellFormed), ReadBack<AllTypes>(bytes, wellFormed) })
            {
                if (outcome) { read++; } else { refused++; }
            }
        }

        // A reader that refused (or accepted) everything would not get here with both counts above zero.
        Assert.True(read > 0 && refused > 0, $"read {read}, refused {refused}");
    }

    /// <summary>
    /// Reads <paramref name="bytes"/> and checks the outcome: data that is read writes JSON that reads back to the same
    /// JSON; data that is refused has a reason, and "not valid JSON" only when System.Text.Json rejects it too (a reader
    /// stops at the first error, so malformed JSON after a wrong value is refused for the value).
    /// </summary>
    private static bool ReadBack<T>(byte[] bytes, bool wellFormed)
        where T : IAction<T>
    {
        if (!ActionJson.TryRead<T>(bytes, out var value, out var error))
        {
            Assert.False(string.IsNullOrEmpty(error.Reason));
            Assert.False(wellFormed && error.Reason.StartsWith("is not valid JSON", StringComparison.Ordinal), $"well-formed JSON called malformed: {error.Message}");
            return false;
        }

        Assert.True(wellFormed, $"accepted what System.Text.Json rejects: {Encoding.UTF8.GetString(bytes)}");
        var written = ActionJson.SerializeToUtf8Bytes(value);
        Assert.True(ActionJson.TryRead<T>(written, out var again, out var againError), againError?.Message);
        Assert.Equal(Encoding.UTF8.GetString(written), Encoding.UTF8.GetString(ActionJson.SerializeToUtf8Bytes(again)));
        return true;
    }

    private static bool IsWellFormedJson(byte[] bytes)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(bytes);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static int EndOfValue(string json, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"': inString = true; break;
                case '{' or '[': depth++; break;
                case '}' or ']' when depth == 0: return i;
                case '}' or ']': depth--; break;
                case ',' when depth == 0: return i;
            }
        }

        return json.Length;
    }
}
