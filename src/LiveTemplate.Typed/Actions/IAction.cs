using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace LiveTemplate.Typed.Actions;

/// <summary>
/// What every typed action provides, generated from its declaration: its name on the wire, its scope, and the
/// code that writes and reads its JSON data without reflection.
/// </summary>
/// <typeparam name="TSelf">The action record itself.</typeparam>
public interface IAction<TSelf>
    where TSelf : IAction<TSelf>
{
    /// <summary>The name that identifies the action on the wire and in dispatch tables.</summary>
    static abstract string ActionName { get; }

    /// <summary>Who receives the action: the connections of one user or of one group.</summary>
    static abstract ActionScope Scope { get; }

    /// <summary>Writes <paramref name="value"/> as one JSON object.</summary>
    static abstract void Write(Utf8JsonWriter writer, TSelf value);

    /// <summary>
    /// Reads the action from its UTF-8 JSON data (an empty span reads as <c>{}</c>). Never throws for bad input:
    /// returns false with an <paramref name="error"/> that names the offending member.
    /// </summary>
    static abstract bool TryRead(ReadOnlySpan<byte> utf8Json, [MaybeNullWhen(false)] out TSelf value, [NotNullWhen(false)] out ActionDataError? error);

    /// <summary>
    /// True when a decoded value can never change: every field of the record, and of everything it holds, is read-only
    /// and of an immutable type (no collections, arrays or settable properties). The generator sets it; the runtime
    /// then decodes a message once per instance and hands the same value to every connection's handler.
    /// </summary>
    static virtual bool IsImmutable => false;

    /// <summary>
    /// False when the action is declared <c>Recoverable = false</c>: its messages stay out of the channel's history and
    /// are delivered live only, even where its kind of channel keeps history.
    /// </summary>
    static virtual bool IsRecoverable => true;
}
