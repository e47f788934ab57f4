namespace LiveTemplate.Typed.Generators.Model;

/// <summary>
/// What a project records in its assembly for the browser declarations of an app that references it, one
/// <c>[assembly: AssemblyMetadata(key, value)]</c> each: its endpoint uses (the key names the call, the value is the type
/// argument) and the types of its actions with data members that are not public (which the app's compiler cannot see).
/// A BCL attribute, so the records add no API and cannot clash between assemblies (an internal attribute class
/// emitted into a library and into an app it grants InternalsVisibleTo would: CS0436).
/// </summary>
internal static class AssemblyRecords
{
    /// <summary>The start of the key of an endpoint use; the rest is the call's name (<see cref="EndpointUseKind"/>).</summary>
    public const string EndpointUsePrefix = "LiveTemplate.Typed.EndpointUse.";

    /// <summary>The key of a type with data members that are not public.</summary>
    public const string NonPublicMembers = "LiveTemplate.Typed.NonPublicMembers";

    /// <summary>The fully qualified attribute the records are made of.</summary>
    public const string AttributeType = "global::System.Reflection.AssemblyMetadataAttribute";

    /// <summary>The metadata name of that attribute, for reading the records back.</summary>
    public const string AttributeMetadataName = "System.Reflection.AssemblyMetadataAttribute";

    public static string KeyOf(EndpointUseKind kind) => EndpointUsePrefix + kind;

    /// <summary>The endpoint use a record stands for, or null when it is not one.</summary>
    public static EndpointUse? UseOf(string? key, string? value)
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
