using System.Globalization;
using System.Text;
using System.Text.Json;
using LiveTemplate.Typed.Actions;

namespace LiveTemplate.Typed.Generated;

/// <summary>
/// Says what is wrong with a JSON string that <see cref="Utf8JsonReader"/> could not turn into text: bytes that are not
/// UTF-8, or a <c>\uXXXX</c> escape that is half of a UTF-16 surrogate pair. Only called once decoding has failed.
/// </summary>
internal static class JsonTextError
{
    /// <summary>
    /// The error of the string or property name at the reader; <paramref name="subject"/> starts the reason
    /// (<c>""</c> for the value itself, <c>"has a key that "</c> for a dictionary key).
    /// </summary>
    public static ActionDataError At(ref Utf8JsonReader reader, string subject)
    {
        var raw = reader.ValueSpan;

        // The string's text starts after its opening quote.
        var start = reader.TokenStartIndex + 1;
        var invalid = FirstInvalidUtf8(raw);
        if (invalid >= 0)
        {
            var position = (start + invalid).ToString(CultureInfo.InvariantCulture);
            return ActionDataError.Invalid($"{subject}is not valid UTF-8 (byte 0x{raw[invalid]:X2} at offset {position} of the data)");
        }

        var escape = FirstUnpairedSurrogateEscape(raw);
        return escape is null
            ? ActionDataError.Invalid($"{subject}is not valid text")
            : ActionDataError.Invalid($"{subject}contains the escape {escape}, an unpaired UTF-16 surrogate that is not text");
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> raw)
    {
        for (var i = 0; i < raw.Length;)
        {
            if (Rune.DecodeFromUtf8(raw[i..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return i;
            }

            i += consumed;
        }

        return -1;
    }

    /// <summary>The first <c>\uXXXX</c> escape of a surrogate without its other half (as written: <c>\uD800</c>), or null.</summary>
    private static string? FirstUnpairedSurrogateEscape(ReadOnlySpan<byte> raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\' || i + 1 >= raw.Length)
            {
                continue;
            }

            if (raw[i + 1] != (byte)'u' || !TryHex(raw, i + 2, out var unit))
            {
                // Another escape (\n, \\, ...): its second character is not the start of one.
                i++;
                continue;
            }

            if (char.IsHighSurrogate(unit) && TryHex(raw, i + 8, out var next) && raw[i + 6] == (byte)'\\' && raw[i + 7] == (byte)'u' && char.IsLowSurrogate(next))
            {
                i += 11;
                continue;
            }

            if (char.IsSurrogate(unit))
            {
                return Encoding.ASCII.GetString(raw.Slice(i, 6));
            }

            i += 5;
        }

        return null;
    }

    private static bool TryHex(ReadOnlySpan<byte> raw, int start, out char unit)
    {
        unit = '\0';
        if (start + 4 > raw.Length)
        {
            return false;
        }

        Span<char> hex = stackalloc char[4];
        for (var i = 0; i < 4; i++)
        {
            hex[i] = (char)raw[start + i];
        }

        if (!ushort.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        unit = (char)value;
        return true;
    }
}
