using System.Diagnostics.CodeAnalysis;

namespace LiveTemplate.Typed;

/// <summary>
/// Identifies a group of connections (a board, a room, a browser session); group-scoped messages reach every
/// connection of one group. Validated when created: see <see cref="ScopeIdRules"/>.
/// </summary>
public readonly struct GroupId : IEquatable<GroupId>
{
    private readonly string? _value;

    /// <summary>Creates a group id, rejecting values that break <see cref="ScopeIdRules"/>.</summary>
    /// <exception cref="ArgumentException">The value is null, empty, too long or contains control characters.</exception>
    public GroupId(string value) => _value = ScopeIdRules.Validate(value, nameof(GroupId), nameof(value));

    // For a value that already passed ScopeIdRules (the id of a subscribed channel, or one just checked).
    private GroupId(string validated, bool _) => _value = validated;

    /// <summary>The id's text. Throws for <c>default(GroupId)</c>, which identifies no group.</summary>
    public string Value => _value ?? throw new InvalidOperationException("default(GroupId) identifies no group; create one with new GroupId(value).");

    /// <summary>True for <c>default(GroupId)</c>, which was never validated and identifies no group.</summary>
    public bool IsDefault => _value is null;

    /// <summary>Creates a group id when <paramref name="value"/> is valid.</summary>
    public static bool TryCreate([NotNullWhen(true)] string? value, out GroupId id)
    {
        if (ScopeIdRules.Explain(value, nameof(GroupId)) is null)
        {
            id = new GroupId(value!);
            return true;
        }

        id = default;
        return false;
    }

    /// <summary>An id from a value that has already been checked against <see cref="ScopeIdRules"/>.</summary>
    internal static GroupId FromValidated(string value) => new(value, true);

    /// <inheritdoc />
    public bool Equals(GroupId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GroupId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The id's text, or an empty string for <c>default(GroupId)</c>.</summary>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>Ordinal equality.</summary>
    public static bool operator ==(GroupId left, GroupId right) => left.Equals(right);

    /// <summary>Ordinal inequality.</summary>
    public static bool operator !=(GroupId left, GroupId right) => !left.Equals(right);
}
