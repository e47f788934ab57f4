using System.Text;
using System.Text.Json;
using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.Tests.Wire;

/// <summary>The envelope's own timestamp writer and reader, with System.Text.Json (what they replace) as the oracle.</summary>
public sealed class Rfc3339Tests
{
    public static TheoryData<long> Ticks() => new()
    {
        new DateTime(2026, 11, 27, 10, 15, 30, DateTimeKind.Utc).Ticks, // no fraction: none written
        new DateTime(2026, 11, 27, 10, 15, 30, DateTimeKind.Utc).Ticks + 1, // .0000001
        new DateTime(2026, 11, 27, 10, 15, 30, DateTimeKind.Utc).Ticks + 1_000_000, // .1
        new DateTime(2026, 11, 27, 10, 15, 30, DateTimeKind.Utc).Ticks + 1_234_567,
        new DateTime(2026, 11, 27, 10, 15, 30, DateTimeKind.Utc).Ticks + 1_230_000, // trailing zeros trimmed
        new DateTime(2024, 2, 29, 23, 59, 59, DateTimeKind.Utc).Ticks + 9_999_999,
        DateTime.MinValue.Ticks,
        DateTime.MaxValue.Ticks,
    };

    [Theory]
    [MemberData(nameof(Ticks))]
    public void Writes_what_the_json_writer_writes_for_a_utc_time(long ticks)
    {
        var time = new DateTime(ticks, DateTimeKind.Utc);

        Assert.Equal(JsonWriterText(time), Written(time));
    }

    [Fact]
    public void Writes_the_same_as_the_json_writer_across_seconds_on_one_thread()
    {
        // The date and time of day are cached per second and thread: moving back and forth must not reuse a stale one.
        var random = new Random(42);
        var start = new DateTime(2026, 12, 31, 23, 59, 58, DateTimeKind.Utc).Ticks;
        for (var i = 0; i < 2_000; i++)
        {
            var time = new DateTime(start + random.NextInt64(0, 4 * TimeSpan.TicksPerSecond), DateTimeKind.Utc);
            Assert.Equal(JsonWriterText(time), Written(time));
        }
    }

    [Theory]
    [InlineData("2026-11-27T10:15:31.000000001Z")] // Go's nanoseconds: the ninth digit is cut, as System.Text.Json does
    [InlineData("2026-11-27T10:15:31.999999999Z")]
    [InlineData("2026-11-27T10:15:31.123456789Z")]
    [InlineData("2026-11-27T10:15:31.1234567Z")]
    [InlineData("2026-11-27T10:15:31.12Z")]
    [InlineData("2026-11-27T10:15:31.5Z")]
    [InlineData("2026-11-27T10:15:31Z")]
    [InlineData("2024-02-29T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    public void Reads_the_common_form_as_the_json_reader_does(string text)
    {
        Assert.True(Rfc3339.TryReadUtc(Encoding.UTF8.GetBytes(text), out var value));

        var expected = JsonReaderValue(text);
        Assert.Equal(expected, value);
        Assert.Equal(expected.Offset, value.Offset);
    }

    [Theory]
    [InlineData("2026-11-27T10:15:31+02:00")] // an offset: the general parser's
    [InlineData("2026-11-27T10:15:31.1234567890Z")] // ten digits
    [InlineData("2026-11-27T10:15:31.Z")]
    [InlineData("2026-11-27T10:15:31,5Z")]
    [InlineData("2026-11-27 10:15:31Z")]
    [InlineData("2026-11-27t10:15:31Z")]
    [InlineData("2026-11-27T10:15:31z")]
    [InlineData("2026-11-27T10:15:31")]
    [InlineData("2026-13-27T10:15:31Z")]
    [InlineData("2026-00-27T10:15:31Z")]
    [InlineData("2025-02-29T10:15:31Z")] // not a leap year
    [InlineData("2026-11-31T10:15:31Z")]
    [InlineData("2026-11-00T10:15:31Z")]
    [InlineData("0000-11-27T10:15:31Z")]
    [InlineData("2026-11-27T24:00:00Z")]
    [InlineData("2026-11-27T10:60:31Z")]
    [InlineData("2026-11-27T10:15:60Z")]
    [InlineData("2026-1a-27T10:15:31Z")]
    [InlineData("+026-11-27T10:15:31Z")]
    [InlineData("2026-11-27T10:15:3Z")]
    [InlineData("Z")]
    [InlineData("")]
    public void Leaves_every_other_text_to_the_general_parser(string text)
    {
        Assert.False(Rfc3339.TryReadUtc(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void Reads_back_what_it_writes()
    {
        var random = new Random(7);
        Span<byte> text = stackalloc byte[Rfc3339.MaxUtcLength];
        for (var i = 0; i < 2_000; i++)
        {
            var time = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
            Assert.True(Rfc3339.TryReadUtc(text[..Rfc3339.WriteUtc(time, text)], out var value));
            Assert.Equal(time.Ticks, value.UtcTicks);
        }
    }

    private static string Written(DateTime time)
    {
        Span<byte> text = stackalloc byte[Rfc3339.MaxUtcLength];
        return Encoding.UTF8.GetString(text[..Rfc3339.WriteUtc(time, text)]);
    }

    private static string JsonWriterText(DateTime time) => JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(time))!;

    private static DateTimeOffset JsonReaderValue(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes($"\"{text}\""));
        reader.Read();
        Assert.True(reader.TryGetDateTimeOffset(out var value));
        return value;
    }
}
