namespace LiveTemplate.Typed.Generators.Model;

/// <summary>What reading does when the JSON leaves a member out.</summary>
internal enum AbsentValue
{
    /// <summary>The data is refused: "is required but missing".</summary>
    Required,

    /// <summary>The member takes its <see cref="MemberModel.DefaultValue"/>.</summary>
    Default,

    /// <summary>The member keeps the value the type gives it (its initializer or constructor), as System.Text.Json does.</summary>
    Keep,
}
