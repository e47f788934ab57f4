namespace LiveTemplate.Typed.Wire;

/// <summary>The field names and <c>type</c>/<c>scope</c> values of the Go envelopes, as UTF-8.</summary>
internal static class EnvelopeFields
{
    public static ReadOnlySpan<byte> Type => "type"u8;
    public static ReadOnlySpan<byte> GroupId => "groupID"u8;
    public static ReadOnlySpan<byte> UserId => "userID"u8;
    public static ReadOnlySpan<byte> ExcludeConnectionId => "excludeConnID"u8;
    public static ReadOnlySpan<byte> Payload => "payload"u8;
    public static ReadOnlySpan<byte> Timestamp => "timestamp"u8;
    public static ReadOnlySpan<byte> InstanceId => "instanceID"u8;
    public static ReadOnlySpan<byte> Scope => "scope"u8;
    public static ReadOnlySpan<byte> Action => "action"u8;
    public static ReadOnlySpan<byte> Data => "data"u8;
    public static ReadOnlySpan<byte> Topic => "topic"u8;
    public static ReadOnlySpan<byte> Seq => "seq"u8;

    public static ReadOnlySpan<byte> BroadcastType => "broadcast"u8;
    public static ReadOnlySpan<byte> ServerActionType => "server_action"u8;
    public static ReadOnlySpan<byte> GroupActionType => "group_action"u8;

    public static ReadOnlySpan<byte> GlobalScope => "global"u8;
    public static ReadOnlySpan<byte> GroupScope => "group"u8;
    public static ReadOnlySpan<byte> UserScope => "user"u8;
}
