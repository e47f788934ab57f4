namespace LiveTemplate.Typed.Generators.Model;

/// <summary>An enum read and written by member name, or by number with <c>JsonNumberEnumConverter</c>.</summary>
/// <param name="TypeName">The C# type, fully qualified.</param>
/// <param name="Name">A readable name for its reader and writer (the emitter makes it unique).</param>
/// <param name="UnderlyingType">The runtime reader suffix of its underlying type (<c>Int32</c>), for values without a name.</param>
/// <param name="UnderlyingKeyword">The C# keyword of its underlying type (<c>int</c>).</param>
/// <param name="Members">Its members in declaration order.</param>
/// <param name="ByNumber">True when it is written and read as its number only.</param>
/// <param name="IsFlags">True when it is marked <c>[Flags]</c>: a string of names joined by commas is read too.</param>
internal sealed record EnumModel(string TypeName, string Name, string UnderlyingType, string UnderlyingKeyword, EquatableArray<EnumMemberModel> Members, bool ByNumber, bool IsFlags);
