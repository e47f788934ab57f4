namespace LiveTemplate.Typed.Generators.Model;

/// <summary>
/// How a project records its endpoint uses in its assembly, so that the browser declarations of an app that references
/// it include them: one <c>[assembly: AssemblyMetadata(key, type)]</c> per use, the key naming the call and the value
/// the type argument. A BCL attribute, so the record adds no API and cannot clash between assemblies.
/// </summary>
internal static class EndpointUseRecord
{
    /// <summary>The start of every key; the rest is the call's name (<see cref="EndpointUseKind"/>).</summary>
    public const string KeyPrefix = "LiveTemplate.Typed.EndpointUse.";

    /// <summary>The fully qualified attribute the record is made of.</summary>
    public const string AttributeType = "global::System.Reflection.AssemblyMetadataAttribute";

    /// <summary>The metadata name of that attribute, for reading it back.</summary>
    public const string AttributeMetadataName = "System.Reflection.AssemblyMetadataAttribute";

    public static string KeyOf(EndpointUseKind kind) => KeyPrefix + kind;

    /// <summary>The use a recorded key and value stand for, or null when the key is not one of this record's.</summary>
    public static EndpointUse? Read(string? key, string? value)
    {
        if (value is null || value.Length == 0)
        {
            return null;
        }

        return key == KeyOf(EndpointUseKind.AllowFromBrowser) ? new EndpointUse(EndpointUseKind.AllowFromBrowser, value)
            : key == KeyOf(EndpointUseKind.UsePresence) ? new EndpointUse(EndpointUseKind.UsePresence, value)
            : null;
    }
}
