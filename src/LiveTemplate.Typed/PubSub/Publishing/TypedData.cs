using System.Text.Json;
using LiveTemplate.Typed.Actions;

namespace LiveTemplate.Typed.PubSub.Publishing;

/// <summary>A typed action, written by its generated code straight into the envelope: no intermediate array, nothing to re-parse.</summary>
internal readonly struct TypedData<TAction>(TAction action) : IPublishData
    where TAction : IAction<TAction>
{
    public bool IsEmpty => false;

    public void Write(Utf8JsonWriter writer) => TAction.Write(writer, action);

    // The same writer settings as inside an envelope (the default encoder, the data's depth limit): the same bytes.
    public ReadOnlyMemory<byte> EncodeAlone() => ActionJson.SerializeToUtf8Bytes(action);
}
