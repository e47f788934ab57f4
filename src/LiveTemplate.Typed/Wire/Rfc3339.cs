namespace LiveTemplate.Typed.Wire;

/// <summary>
/// The envelope's timestamp in its one common form, <c>yyyy-MM-ddTHH:mm:ss[.fffffff]Z</c>, without the general
/// formatter and parser: every publish writes one and every receive reads one. Writing gives exactly what
/// <see cref="System.Text.Json.Utf8JsonWriter"/> writes for a UTC <see cref="DateTime"/> (the fraction without its
/// trailing zeros, none when zero); reading takes that form with 1 to 9 fraction digits (Go writes nanoseconds; what
/// a tick cannot hold is cut off, as System.Text.Json does) and leaves every other form to the general parser.
/// </summary>
internal static class Rfc3339
{
    /// <summary>The longest text <see cref="WriteUtc"/> writes.</summary>
    public const int MaxUtcLength = 28;

    private const int SecondsLength = 19; // yyyy-MM-ddTHH:mm:ss

    // A thread formats the date and time of day once per second: publishes within one second share them.
    [ThreadStatic]
    private static long t_second;

    [ThreadStatic]
    private static byte[]? t_secondText;

    /// <summary>Writes <paramref name="utc"/> (its ticks taken as UTC) to <paramref name="destination"/>, at least <see cref="MaxUtcLength"/> long; returns the length.</summary>
    public static int WriteUtc(DateTime utc, Span<byte> destination)
    {
        var ticks = utc.Ticks;
        var second = ticks / TimeSpan.TicksPerSecond;
        var text = t_secondText;
        if (text is null || t_second != second)
        {
            text = t_secondText ??= new byte[SecondsLength];
            FormatSeconds(new DateTime(second * TimeSpan.TicksPerSecond, DateTimeKind.Utc), text);
            t_second = second;
        }

        text.CopyTo(destination);
        var length = SecondsLength;
        var fraction = (int)(ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            var digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            destination[length++] = (byte)'.';
            for (var i = length + digits - 1; i >= length; i--)
            {
                destination[i] = (byte)('0' + (fraction % 10));
                fraction /= 10;
            }

            length += digits;
        }

        destination[length++] = (byte)'Z';
        return length;
    }

    /// <summary>
    /// Reads <c>yyyy-MM-ddTHH:mm:ss[.f…]Z</c> with 1 to 9 fraction digits; false for anything else (which may still be
    /// a valid RFC 3339 time in another form, for the general parser).
    /// </summary>
    public static bool TryReadUtc(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < SecondsLength + 1 || text[^1] != 'Z'
            || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || !TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day)
            || !TryDigits(text, 11, 2, out var hour) || !TryDigits(text, 14, 2, out var minute) || !TryDigits(text, 17, 2, out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long fractionTicks = 0;
        var fractionLength = text.Length - SecondsLength - 1;
        if (fractionLength > 0)
        {
            if (fractionLength < 2 || fractionLength > 10 || text[SecondsLength] != '.' || !TryDigits(text, SecondsLength + 1, fractionLength - 1, out var fraction))
            {
                return false;
            }

            // Scaled to ticks (seven digits); digits beyond the seventh are cut off.
            for (var digits = fractionLength - 1; digits < 7; digits++)
            {
                fraction *= 10;
            }

            for (var digits = fractionLength - 1; digits > 7; digits--)
            {
                fraction /= 10;
            }

            fractionTicks = fraction;
        }

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fractionTicks;
        value = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    private static void FormatSeconds(DateTime time, Span<byte> text)
    {
        WriteDigits(text, 0, 4, time.Year);
        text[4] = (byte)'-';
        WriteDigits(text, 5, 2, time.Month);
        text[7] = (byte)'-';
        WriteDigits(text, 8, 2, time.Day);
        text[10] = (byte)'T';
        WriteDigits(text, 11, 2, time.Hour);
        text[13] = (byte)':';
        WriteDigits(text, 14, 2, time.Minute);
        text[16] = (byte)':';
        WriteDigits(text, 17, 2, time.Second);
    }

    private static void WriteDigits(Span<byte> text, int start, int count, int value)
    {
        for (var i = start + count - 1; i >= start; i--)
        {
            text[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        foreach (var c in text.Slice(start, count))
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
