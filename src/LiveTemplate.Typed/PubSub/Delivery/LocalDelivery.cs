using LiveTemplate.Typed.PubSub.Telemetry;

namespace LiveTemplate.Typed.PubSub.Delivery;

/// <summary>
/// The handlers of this instance, by message kind, and the fan-out of one message to them in registration order. A
/// handler that throws is counted and logged; the others and the next message still run.
/// </summary>
internal sealed class LocalDelivery(DropRecorder drops)
{
    private readonly HandlerList<BroadcastMessage> _broadcasts = new();
    private readonly HandlerList<ServerActionMessage> _serverActions = new();
    private readonly HandlerList<GroupActionMessage> _groupActions = new();
    private readonly HandlerList<TopicActionMessage> _topicActions = new();
    private readonly HandlerList<NotRecoveredMessage> _notRecovered = new();

    public void OnBroadcast(Func<BroadcastMessage, ValueTask> handler) => _broadcasts.Add(handler);

    public void OnServerAction(Func<ServerActionMessage, ValueTask> handler) => _serverActions.Add(handler);

    public void OnGroupAction(Func<GroupActionMessage, ValueTask> handler) => _groupActions.Add(handler);

    public void OnTopicAction(Func<TopicActionMessage, ValueTask> handler) => _topicActions.Add(handler);

    public void OnNotRecovered(Func<NotRecoveredMessage, ValueTask> handler) => _notRecovered.Add(handler);

    /// <summary>Runs every handler of <paramref name="message"/>'s kind; completes when they all have.</summary>
    public ValueTask DeliverAsync(string channel, PubSubMessage message) => message switch
    {
        BroadcastMessage m => InvokeAsync(_broadcasts.Current, m, channel),
        ServerActionMessage m => InvokeAsync(_serverActions.Current, m, channel),
        GroupActionMessage m => InvokeAsync(_groupActions.Current, m, channel),
        TopicActionMessage m => InvokeAsync(_topicActions.Current, m, channel),
        NotRecoveredMessage m => InvokeAsync(_notRecovered.Current, m, channel),
        _ => ValueTask.CompletedTask,
    };

    private async ValueTask InvokeAsync<T>(Func<T, ValueTask>[] handlers, T message, string channel)
    {
        foreach (var handler in handlers)
        {
            try
            {
                await handler(message).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                drops.HandlerFailed(channel, ex);
            }
        }
    }
}
