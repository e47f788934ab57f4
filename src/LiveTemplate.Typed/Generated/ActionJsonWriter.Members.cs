using System.Runtime.CompilerServices;
using System.Text.Json;

namespace LiveTemplate.Typed.Generated;

/// <summary>
/// The writers of one member of a generated object: its encoded name and its value in one call. Each is one call of
/// Utf8JsonWriter's and inlined where it is called; generated code calls these rather than Utf8JsonWriter's own
/// <c>WriteString</c>/<c>WriteNumber</c>, whose dozens of overloads cost the compiler several times more to resolve
/// (measured in docs/benchmarks.md), for every member of every action.
/// </summary>
public static partial class ActionJsonWriter
{
    /// <summary>Writes the name of a member whose value a second call writes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteName(Utf8JsonWriter writer, JsonEncodedText name) => writer.WritePropertyName(name);

    /// <summary>Writes a string value from its UTF-8 text (an enum member's name).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteText(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Text) => writer.WriteStringValue(utf8Text);

    /// <summary>Writes a member that is <c>true</c> or <c>false</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteBoolean(Utf8JsonWriter writer, JsonEncodedText name, bool value) => writer.WriteBoolean(name, value);

    /// <summary>Writes a member that is a number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteByte(Utf8JsonWriter writer, JsonEncodedText name, byte value) => writer.WriteNumber(name, (uint)value);

    /// <summary>Writes a member that is a number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteSByte(Utf8JsonWriter writer, JsonEncodedText name, sbyte value) => writer.WriteNumber(name, (int)value);

    /// <summary>Writes a member that is a number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteInt16(Utf8JsonWriter writer, JsonEncodedText name, short value) => writer.WriteNumber(name, (int)value);

    /// <summary>Writes a member that is a number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUInt16(Utf8JsonWriter writer, JsonEncodedText name, ushort value) => writer.WriteNumber(name, (uint)value);

    /// <summary>Writes a member that is a number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteInt32(Utf8JsonWriter writer, JsonEncodedText name, int value) => writer.WriteNumber(name, value);

    /// <summary>Writes a member that is a number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUInt32(Utf8JsonWriter writer, JsonEncodedText name, uint value) => writer.WriteNumber(name, value);

    /// <summary>Writes a member that is a number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteInt64(Utf8JsonWriter writer, JsonEncodedText name, long value) => writer.WriteNumber(name, value);

    /// <summary>Writes a member that is a number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUInt64(Utf8JsonWriter writer, JsonEncodedText name, ulong value) => writer.WriteNumber(name, value);

    /// <summary>Writes a member that is the shortest number that reads back as the same value.</summary>
    /// <exception cref="ArgumentException">The value is NaN or infinite, which JSON cannot represent.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteSingle(Utf8JsonWriter writer, JsonEncodedText name, float value) => writer.WriteNumber(name, float.IsFinite(value) ? value : throw NotANumber(name.ToString(), value));

    /// <summary>Writes a member that is the shortest number that reads back as the same value.</summary>
    /// <exception cref="ArgumentException">The value is NaN or infinite, which JSON cannot represent.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteDouble(Utf8JsonWriter writer, JsonEncodedText name, double value) => writer.WriteNumber(name, double.IsFinite(value) ? value : throw NotANumber(name.ToString(), value));

    /// <summary>Writes a member that is the exact decimal number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteDecimal(Utf8JsonWriter writer, JsonEncodedText name, decimal value) => writer.WriteNumber(name, value);

    /// <summary>Writes a member that is a string of one character.</summary>
    public static void WriteChar(Utf8JsonWriter writer, JsonEncodedText name, char value) => writer.WriteString(name, new ReadOnlySpan<char>(in value));

    /// <summary>Writes a member that is a string.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, which the member's type does not accept.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, string value) => writer.WriteString(name, value ?? throw NullMember(name));

    /// <summary>Writes a member that is a string or <c>null</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteStringOrNull(Utf8JsonWriter writer, JsonEncodedText name, string? value) => writer.WriteString(name, value);

    /// <summary>Writes a member that is a GUID string.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteGuid(Utf8JsonWriter writer, JsonEncodedText name, Guid value) => writer.WriteString(name, value);

    /// <summary>Writes a member that is an ISO 8601 date and time string.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteDateTime(Utf8JsonWriter writer, JsonEncodedText name, DateTime value) => writer.WriteString(name, value);

    /// <summary>Writes a member that is an ISO 8601 date and time string with its offset.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteDateTimeOffset(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset value) => writer.WriteString(name, value);

    /// <summary>Writes a member that is a time span in the invariant "c" format.</summary>
    public static void WriteTimeSpan(Utf8JsonWriter writer, JsonEncodedText name, TimeSpan value)
    {
        writer.WritePropertyName(name);
        WriteTimeSpan(writer, value);
    }

    /// <summary>Writes a member that is a date string ("2026-11-27").</summary>
    public static void WriteDateOnly(Utf8JsonWriter writer, JsonEncodedText name, DateOnly value)
    {
        writer.WritePropertyName(name);
        WriteDateOnly(writer, value);
    }

    /// <summary>Writes a member that is a time of day string ("10:15:30.5").</summary>
    public static void WriteTimeOnly(Utf8JsonWriter writer, JsonEncodedText name, TimeOnly value)
    {
        writer.WritePropertyName(name);
        WriteTimeOnly(writer, value);
    }

    /// <summary>Writes a member that is bytes as a base64 string.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, which the member's type does not accept.</exception>
    public static void WriteBytes(Utf8JsonWriter writer, JsonEncodedText name, byte[] value)
    {
        if (value is null)
        {
            throw NullMember(name);
        }

        writer.WritePropertyName(name);
        WriteBytes(writer, value);
    }

    /// <summary>
    /// The error of a member that is null where its declared type accepts no null (a <c>null!</c>, a <c>default</c>
    /// struct): every reader would refuse the data, so it is not written.
    /// </summary>
    /// <param name="name">The member's JSON name.</param>
    /// <returns>The exception to throw.</returns>
    public static ArgumentException NullMember(JsonEncodedText name)
        => new($"'{name}' is null, but its declared type does not accept null, so every reader would refuse the data; give it a value, or declare it nullable (T?) to send null");
}
