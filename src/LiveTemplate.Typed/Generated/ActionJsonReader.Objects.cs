using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LiveTemplate.Typed.Actions;

namespace LiveTemplate.Typed.Generated;

/// <summary>
/// The steps a generated object or enum reader shares: the outcomes it returns (read, a member's error, a missing or
/// unknown member), one call each, so that each member of each action costs a line instead of a block.
/// </summary>
public static partial class ActionJsonReader
{
    /// <summary>
    /// True when the property name or string at the reader is <paramref name="utf8Text"/>, unescaped: Utf8JsonReader's
    /// own, inlined; generated code calls it for every member because one candidate costs the compiler less to
    /// resolve than the reader's three overloads.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ValueTextEquals(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Text) => reader.ValueTextEquals(utf8Text);

    /// <summary>A value was read: sets <paramref name="value"/>, clears <paramref name="error"/> and returns true.</summary>
    public static bool Success<T>(T read, out T value, out ActionDataError? error)
    {
        value = read;
        error = null;
        return true;
    }

    /// <summary>The value being read is wrong for the reason given (which starts with a verb: "must be one of A, B").</summary>
    public static bool Invalid<T>(string reason, [MaybeNull] out T value, out ActionDataError error)
    {
        value = default;
        error = ActionDataError.Invalid(reason);
        return false;
    }

    /// <summary>
    /// The type's own code (a constructor, setter or initializer that validates its values) threw while the object was
    /// built from what was read: an error of that object, which the members and items around it give its path.
    /// </summary>
    public static bool Refused<T>(Exception exception, [MaybeNull] out T value, out ActionDataError error)
    {
        ArgumentNullException.ThrowIfNull(exception);
        value = default;
        error = RefusedBy(exception);
        return false;
    }

    internal static ActionDataError RefusedBy(Exception exception)
        => ActionDataError.Invalid($"was refused by the action's own code ({exception.GetType().Name}: {exception.Message})");

    /// <summary>The value of the member <paramref name="member"/> failed with <paramref name="error"/>: the error, seen from the object that holds it.</summary>
    public static bool AtMember<T>(string member, [NotNull] ref ActionDataError? error, [MaybeNull] out T value)
    {
        ArgumentNullException.ThrowIfNull(error);
        error = error.AtMember(member);
        value = default;
        return false;
    }

    /// <summary>
    /// A required member is absent: the first of <paramref name="members"/> (the JSON names of the low bits of
    /// <paramref name="found"/>, in order) whose bit is not set.
    /// </summary>
    public static bool Missing<T>(ulong found, string[] members, [MaybeNull] out T value, out ActionDataError error)
    {
        ArgumentNullException.ThrowIfNull(members);
        var first = BitOperations.TrailingZeroCount(~found);
        value = default;
        error = ActionDataError.Missing(first < members.Length ? members[first] : "?");
        return false;
    }

    /// <summary>The JSON property at the reader is not a member of a type that refuses unknown ones (<c>[JsonUnmappedMemberHandling(Disallow)]</c>).</summary>
    public static bool UnknownMember<T>(ref Utf8JsonReader reader, [MaybeNull] out T value, out ActionDataError error)
    {
        value = default;
        if (!TryReadKey(ref reader, out var name, out var keyError))
        {
            error = keyError;
            return false;
        }

        error = ActionDataError.Invalid("is not a member of this object, which accepts no other").AtMember(name);
        return false;
    }
}
