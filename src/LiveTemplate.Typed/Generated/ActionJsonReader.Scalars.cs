using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using LiveTemplate.Typed.Actions;

namespace LiveTemplate.Typed.Generated;

/// <summary>The readers of single JSON values: booleans, numbers, text, GUIDs, dates and times, and bytes.</summary>
public static partial class ActionJsonReader
{
    private static readonly string[] TimeOnlyFormats = [ActionJsonWriter.TimeOnlyFormat, "HH:mm:ss", "HH:mm"];

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public static bool TryReadBoolean(ref Utf8JsonReader reader, out bool value, [NotNullWhen(false)] out ActionDataError? error)
    {
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
        {
            value = reader.TokenType == JsonTokenType.True;
            error = null;
            return true;
        }

        return Fail("a boolean", ref reader, out value, out error);
    }

    /// <summary>Reads a number that fits <see cref="byte"/>.</summary>
    public static bool TryReadByte(ref Utf8JsonReader reader, out byte value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetByte(out value) ? Ok(out error) : NumberFail("Byte", ref reader, out value, out error);

    /// <summary>Reads a number that fits <see cref="sbyte"/>.</summary>
    public static bool TryReadSByte(ref Utf8JsonReader reader, out sbyte value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetSByte(out value) ? Ok(out error) : NumberFail("SByte", ref reader, out value, out error);

    /// <summary>Reads a number that fits <see cref="short"/>.</summary>
    public static bool TryReadInt16(ref Utf8JsonReader reader, out short value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetInt16(out value) ? Ok(out error) : NumberFail("Int16", ref reader, out value, out error);

    /// <summary>Reads a number that fits <see cref="ushort"/>.</summary>
    public static bool TryReadUInt16(ref Utf8JsonReader reader, out ushort value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetUInt16(out value) ? Ok(out error) : NumberFail("UInt16", ref reader, out value, out error);

    /// <summary>Reads a number that fits <see cref="int"/>.</summary>
    public static bool TryReadInt32(ref Utf8JsonReader reader, out int value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetInt32(out value) ? Ok(out error) : NumberFail("Int32", ref reader, out value, out error);

    /// <summary>Reads a number that fits <see cref="uint"/>.</summary>
    public static bool TryReadUInt32(ref Utf8JsonReader reader, out uint value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetUInt32(out value) ? Ok(out error) : NumberFail("UInt32", ref reader, out value, out error);

    /// <summary>Reads a number that fits <see cref="long"/>.</summary>
    public static bool TryReadInt64(ref Utf8JsonReader reader, out long value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetInt64(out value) ? Ok(out error) : NumberFail("Int64", ref reader, out value, out error);

    /// <summary>Reads a number that fits <see cref="ulong"/>.</summary>
    public static bool TryReadUInt64(ref Utf8JsonReader reader, out ulong value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetUInt64(out value) ? Ok(out error) : NumberFail("UInt64", ref reader, out value, out error);

    /// <summary>Reads a finite number that fits <see cref="float"/>.</summary>
    public static bool TryReadSingle(ref Utf8JsonReader reader, out float value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetSingle(out value) && float.IsFinite(value) ? Ok(out error) : NumberFail("Single", ref reader, out value, out error);

    /// <summary>Reads a finite number that fits <see cref="double"/>.</summary>
    public static bool TryReadDouble(ref Utf8JsonReader reader, out double value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetDouble(out value) && double.IsFinite(value) ? Ok(out error) : NumberFail("Double", ref reader, out value, out error);

    /// <summary>Reads a number that fits <see cref="decimal"/>, exactly as written (42.5 is 42.5m).</summary>
    public static bool TryReadDecimal(ref Utf8JsonReader reader, out decimal value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetDecimal(out value) ? Ok(out error) : NumberFail("Decimal", ref reader, out value, out error);

    /// <summary>Reads a string of exactly one UTF-16 character.</summary>
    public static bool TryReadChar(ref Utf8JsonReader reader, out char value, [NotNullWhen(false)] out ActionDataError? error)
    {
        Span<char> text = stackalloc char[MaxTimeTextLength];
        if (CopyShortString(ref reader, text, out var textError) == 1)
        {
            value = text[0];
            return Ok(out error);
        }

        return Fail(textError, "a string of one character", ref reader, out value, out error);
    }

    /// <summary>Reads a string (not null: a nullable member reads through <see cref="TryReadOrNull{T}"/>).</summary>
    public static bool TryReadString(ref Utf8JsonReader reader, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out ActionDataError? error)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return Fail("a string", ref reader, out value, out error);
        }

        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 in the JSON text, or an escape that is half of a UTF-16 surrogate pair.
            value = null;
            error = JsonTextError.At(ref reader, string.Empty);
            return false;
        }

        return Ok(out error);
    }

    /// <summary>Reads a GUID string ("3f2c1d9e-8b7a-4c5d-9e0f-1a2b3c4d5e6f").</summary>
    public static bool TryReadGuid(ref Utf8JsonReader reader, out Guid value, [NotNullWhen(false)] out ActionDataError? error)
        => reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out value) ? Ok(out error) : Fail("a GUID string", ref reader, out value, out error);

    /// <summary>Reads an ISO 8601 date and time string.</summary>
    public static bool TryReadDateTime(ref Utf8JsonReader reader, out DateTime value, [NotNullWhen(false)] out ActionDataError? error)
        => reader.TokenType == JsonTokenType.String && reader.TryGetDateTime(out value) ? Ok(out error) : Fail("an ISO 8601 date and time string", ref reader, out value, out error);

    /// <summary>Reads an ISO 8601 date and time string with an offset (RFC 3339, as Go writes it).</summary>
    public static bool TryReadDateTimeOffset(ref Utf8JsonReader reader, out DateTimeOffset value, [NotNullWhen(false)] out ActionDataError? error)
        => reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out value) ? Ok(out error) : Fail("an ISO 8601 date and time string", ref reader, out value, out error);

    /// <summary>Reads a time span in the invariant "c" format ("1.02:03:04.5").</summary>
    public static bool TryReadTimeSpan(ref Utf8JsonReader reader, out TimeSpan value, [NotNullWhen(false)] out ActionDataError? error)
    {
        Span<char> text = stackalloc char[MaxTimeTextLength];
        var length = CopyShortString(ref reader, text, out var textError);
        if (length >= 0 && TimeSpan.TryParseExact(text[..length], "c", CultureInfo.InvariantCulture, out value))
        {
            return Ok(out error);
        }

        return Fail(textError, "a time span string such as \"1.02:03:04.5\"", ref reader, out value, out error);
    }

    /// <summary>Reads a date string ("2026-11-27").</summary>
    public static bool TryReadDateOnly(ref Utf8JsonReader reader, out DateOnly value, [NotNullWhen(false)] out ActionDataError? error)
    {
        Span<char> text = stackalloc char[MaxTimeTextLength];
        var length = CopyShortString(ref reader, text, out var textError);
        if (length >= 0 && DateOnly.TryParseExact(text[..length], ActionJsonWriter.DateOnlyFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return Ok(out error);
        }

        return Fail(textError, "a date string such as \"2026-11-27\"", ref reader, out value, out error);
    }

    /// <summary>Reads a time of day string ("10:15:30.5", "10:15:30" or "10:15").</summary>
    public static bool TryReadTimeOnly(ref Utf8JsonReader reader, out TimeOnly value, [NotNullWhen(false)] out ActionDataError? error)
    {
        Span<char> text = stackalloc char[MaxTimeTextLength];
        var length = CopyShortString(ref reader, text, out var textError);
        if (length >= 0 && TimeOnly.TryParseExact(text[..length], TimeOnlyFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return Ok(out error);
        }

        return Fail(textError, "a time string such as \"10:15:30\"", ref reader, out value, out error);
    }

    /// <summary>Reads a base64 string as bytes (how Go and System.Text.Json write byte arrays); <c>null</c> is no bytes (Go writes a nil <c>[]byte</c> so).</summary>
    public static bool TryReadBytes(ref Utf8JsonReader reader, [NotNullWhen(true)] out byte[]? value, [NotNullWhen(false)] out ActionDataError? error)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            value = [];
            return Ok(out error);
        }

        return reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out value) ? Ok(out error) : Fail("a base64 string", ref reader, out value, out error);
    }
}
