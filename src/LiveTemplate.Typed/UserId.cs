using System.Diagnostics.CodeAnalysis;

namespace LiveTemplate.Typed;

/// <summary>
/// Identifies an authenticated user; user-scoped messages reach every connection (every tab, every device) of
/// one user, whichever instance holds it. Validated when created: see <see cref="ScopeIdRules"/>.
/// </summary>
public readonly struct UserId : IEquatable<UserId>
{
    private readonly string? _value;

    /// <summary>Creates a user id, rejecting values that break <see cref="ScopeIdRules"/>.</summary>
    /// <exception cref="ArgumentException">The value is null, empty, too long or contains control characters.</exception>
    public UserId(string value) => _value = ScopeIdRules.Validate(value, nameof(UserId), nameof(value));

    // For a value that already passed ScopeIdRules (the id of a subscribed channel, or one just checked).
    private UserId(string validated, bool _) => _value = validated;

    /// <summary>The id's text. Throws for <c>default(UserId)</c>, which identifies no user.</summary>
    public string Value => _value ?? throw new InvalidOperationException("default(UserId) identifies no user; create one with new UserId(value).");

    /// <summary>True for <c>default(UserId)</c>, which was never validated and identifies no user.</summary>
    public bool IsDefault => _value is null;

    /// <summary>Creates a user id when <paramref name="value"/> is valid.</summary>
    public static bool TryCreate([NotNullWhen(true)] string? value, out UserId id)
    {
        if (ScopeIdRules.Explain(value, nameof(UserId)) is null)
        {
            id = new UserId(value!);
            return true;
        }

        id = default;
        return false;
    }

    /// <summary>An id from a value that has already been checked against <see cref="ScopeIdRules"/>.</summary>
    internal static UserId FromValidated(string value) => new(value, true);

    /// <inheritdoc />
    public bool Equals(UserId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is UserId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The id's text, or an empty string for <c>default(UserId)</c>.</summary>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>Ordinal equality.</summary>
    public static bool operator ==(UserId left, UserId right) => left.Equals(right);

    /// <summary>Ordinal inequality.</summary>
    public static bool operator !=(UserId left, UserId right) => !left.Equals(right);
}
