using LiveTemplate.Typed.Actions;

namespace LiveTemplate.Typed.AspNetCore.Sessions;

/// <summary>
/// The <c>action</c> frame of one action type, encoded whole: what the connections of one message share when their
/// handlers forward the message's shared, immutable action (<see cref="LiveConnection.SendAsync{TAction}(TAction, CancellationToken)"/>).
/// </summary>
internal static class ActionFrame<TAction>
    where TAction : IAction<TAction>
{
    /// <summary>One delegate per action type: the message keeps the bytes of the encoder that made them.</summary>
    public static Func<TAction, byte[]> Encode { get; } = static action => FrameSender.Encode(action, Frames.WriteAction);
}
