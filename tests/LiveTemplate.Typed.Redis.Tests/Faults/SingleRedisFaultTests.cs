using LiveTemplate.Typed.Testing;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace LiveTemplate.Typed.Redis.Tests.Faults;

/// <summary>Faults of one Redis server under a steady publish load (200 messages/s), measured.</summary>
public sealed class SingleRedisFaultTests(ITestOutputHelper output) : LoadedFaultTests
{
    private RedisServer _server = null!;

    protected override bool Sharded => false;

    protected override async Task StartRedisAsync() => _server = Own(await RedisServer.StartAsync());

    protected override Task<ConnectionMultiplexer> ConnectAsync(string? extraConfiguration = null) => _server.ConnectAsync(extraConfiguration);

    [Fact]
    public async Task Redis_restarted_under_load_delivery_resumes_with_no_loss_after_resumption_and_no_duplicates()
    {
        var (load, _) = await StartLoadAsync();

        var faultAt = load.Now;
        await _server.RestartAsync();
        var report = await FinishAsync(load, faultAt);

        FaultLog.Write(output, "single redis: restart (kill -9, start on the same port)", report);
        AssertRecovered(report);
    }

    [Fact]
    public async Task Subscriber_connection_killed_delivery_resumes_with_no_loss_after_resumption_and_no_duplicates()
    {
        var (load, receiverLog) = await StartLoadAsync();
        var admin = Own(await ConnectAsync("allowAdmin=true"));

        var faultAt = load.Now;
        await admin.GetServer(_server.Endpoint).ExecuteAsync("CLIENT", "KILL", "TYPE", "pubsub");
        var report = await FinishAsync(load, faultAt);

        FaultLog.Write(output, "single redis: CLIENT KILL TYPE pubsub", report);
        AssertRecovered(report);
        await receiverLog.WaitForAsync(e => e.Message.StartsWith("Reconnected successfully", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Redis_paused_for_five_seconds_delivery_resumes_with_no_loss_after_resumption_and_no_duplicates()
    {
        var (load, _) = await StartLoadAsync();

        var faultAt = load.Now;
        _server.Pause();
        await Task.Delay(TimeSpan.FromSeconds(5));
        _server.Resume();
        var report = await FinishAsync(load, faultAt);

        FaultLog.Write(output, "single redis: SIGSTOP for 5 s, then SIGCONT", report);
        AssertRecovered(report);
    }

    [Fact]
    public async Task Slow_consumer_disconnected_by_the_output_buffer_limit_reconnects_resubscribes_and_logs_it()
    {
        var admin = Own(await ConnectAsync("allowAdmin=true"));
        var server = admin.GetServer(_server.Endpoint);
        // A hard limit below one message's size makes the disconnect certain (a fast reader cannot drain it in time).
        await server.ExecuteAsync("CONFIG", "SET", "client-output-buffer-limit", "pubsub 65536 0 0");
        var (load, receiverLog) = await StartLoadAsync();
        var publisher = Own(await ConnectAsync());
        var big = new byte[200 * 1024];
        Array.Fill(big, (byte)'x');
        var envelope = System.Text.Encoding.UTF8.GetBytes($$"""{"type":"group_action","groupID":"load","action":"big","data":{"blob":"{{System.Text.Encoding.ASCII.GetString(big)}}"},"seq":1,"timestamp":"2026-11-27T10:15:31Z","instanceID":"burst"}""");

        var faultAt = load.Now;
        var channel = RedisChannel.Literal(new LiveTemplate.Typed.PubSub.ChannelNames().GroupAction(new GroupId("load")));
        await publisher.GetSubscriber().PublishAsync(channel, envelope);
        await receiverLog.WaitForAsync(e => e.Message.StartsWith("Lost the Redis subscription connection", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var reconnected = await receiverLog.WaitForAsync(e => e.Message.StartsWith("Reconnected successfully", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var report = await FinishAsync(load, faultAt);

        FaultLog.Write(output, "single redis: subscriber over client-output-buffer-limit (pubsub hard limit 64 KB, one 200 KB message)", report);
        Assert.Equal(1, reconnected.Fields["dynamic_channels"]);
        AssertRecovered(report);
    }
}
