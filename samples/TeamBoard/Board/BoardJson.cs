using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamBoard.Board;

/// <summary>System.Text.Json source generation for what the sample serialises itself: no reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BoardSnapshot))]
[JsonSerializable(typeof(Card))]
[JsonSerializable(typeof(SignIn))]
[JsonSerializable(typeof(Me))]
[JsonSerializable(typeof(Announcement))]
public sealed partial class BoardJson : JsonSerializerContext
{
}
