using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.PubSub.Publishing;

/// <summary>The action data of a message being published: written into its envelope, or encoded alone when none is written.</summary>
internal interface IPublishData : IEnvelopeData
{
    /// <summary>
    /// The data encoded on its own, the same bytes it has inside an envelope (when no envelope is written: nothing
    /// leaves the process). Throws as writing it into an envelope would.
    /// </summary>
    ReadOnlyMemory<byte> EncodeAlone();
}
