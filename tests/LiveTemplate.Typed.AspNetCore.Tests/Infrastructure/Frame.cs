using System.Text.Json;

namespace LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;

/// <summary>A frame the server sent, parsed: its <c>type</c> and the members tests look at.</summary>
public sealed record Frame(string Type, JsonElement Root, string Raw)
{
    public string? Action => Get("action");

    public string? Code => Get("code");

    public JsonElement Data => Root.GetProperty("data");

    /// <summary>The <c>text</c> member of the data, which most test actions carry.</summary>
    public string? Text => Root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("text", out var text) ? text.GetString() : null;

    /// <summary>A <c>posted</c> action frame as (action, text, from).</summary>
    public (string?, string?, string?) Posted => (Action, Text, Data.GetProperty("from").GetString());

    public static Frame Parse(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        return new Frame(root.GetProperty("type").GetString()!, root, json);
    }

    public string? Get(string member) => Root.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public override string ToString() => Raw;
}
