namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>The metadata names the generator and analyzer look for, in one place.</summary>
internal static class KnownNames
{
    public const string ServerActionAttribute = "LiveTemplate.Typed.ServerActionAttribute";
    public const string GroupActionAttribute = "LiveTemplate.Typed.GroupActionAttribute";
    public const string PresenceMetadataAttribute = "LiveTemplate.Typed.Presence.PresenceMetadataAttribute";
    public const string TopicActionAttribute = "LiveTemplate.Typed.TopicActionAttribute";
    public const string HandleInterface = "LiveTemplate.Typed.IHandle`1";
    public const string HandleInterfaceName = "IHandle";
    public const string DispatcherInterface = "LiveTemplate.Typed.IActionDispatcher";
    public const string JsonPropertyNameAttribute = "System.Text.Json.Serialization.JsonPropertyNameAttribute";
    public const string JsonConstructorAttribute = "System.Text.Json.Serialization.JsonConstructorAttribute";
}
