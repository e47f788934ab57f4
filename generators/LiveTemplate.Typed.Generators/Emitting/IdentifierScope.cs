using System.Collections.Generic;
using System.Globalization;

namespace LiveTemplate.Typed.Generators.Emitting;

/// <summary>
/// The identifiers declared in one C# scope of generated code. Every name generated code declares is claimed here, so a
/// name made from a user's type or member name can never collide with another one (it gets a number instead).
/// </summary>
internal sealed class IdentifierScope
{
    /// <summary>What every type inherits from <c>object</c>: a member of these names would hide it (CS0108).</summary>
    public static readonly string[] ObjectMembers = ["Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals", "MemberwiseClone", "Finalize"];

    private readonly HashSet<string> _used;

    public IdentifierScope(IEnumerable<string> reserved) => _used = new HashSet<string>(reserved, System.StringComparer.Ordinal);

    /// <summary>The names taken so far, for a nested scope that must not shadow them.</summary>
    public IEnumerable<string> Used => _used;

    /// <summary>Takes <paramref name="name"/>, or the first of <c>name2</c>, <c>name3</c>, ... that is free.</summary>
    public string Claim(string name)
    {
        var candidate = name;
        for (var i = 2; !_used.Add(candidate); i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
