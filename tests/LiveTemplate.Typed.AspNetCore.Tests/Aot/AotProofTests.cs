using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.Testing.Aot;
using Xunit.Abstractions;

namespace LiveTemplate.Typed.AspNetCore.Tests.Aot;

/// <summary>
/// The packages' IsAotCompatible claim, proven: the proof app (typed actions, the Redis broadcaster, MapLiveTemplate)
/// publishes with Native AOT without a trim or AOT warning from our code, runs natively, and exchanges typed group
/// and server actions with a JIT instance of itself over Redis, each side behind real WebSockets.
/// </summary>
[Collection(AotProofCollection.Name)]
public sealed class AotProofTests(AotProofInstances apps, ITestOutputHelper output)
{
    [Fact]
    public void The_publish_compiles_natively_with_no_trim_or_AOT_warning_from_our_assemblies()
    {
        output.WriteLine($"AOT publish: {apps.Build.PublishTime.TotalSeconds:0.0} s{(apps.Build.FromCache ? " (from the cache of an earlier run)" : string.Empty)}; start-up to readiness: AOT {apps.Aot.StartupTime.TotalMilliseconds:0} ms, JIT {apps.Jit.StartupTime.TotalMilliseconds:0} ms; working set: AOT {apps.Aot.WorkingSetBytes / 1048576.0:0.0} MiB, JIT {apps.Jit.WorkingSetBytes / 1048576.0:0.0} MiB.");
        foreach (var warning in apps.Build.Warnings)
        {
            output.WriteLine("warning (not ours): " + warning);
        }

        Assert.True(apps.Build.CompiledNatively, "The publish log does not show ILCompiler's native code step.");
        Assert.DoesNotContain(apps.Build.Warnings, w => w.IsOurs);
    }

    [Fact]
    public void The_warning_check_finds_a_warning_in_our_code_and_tells_it_from_a_packages()
    {
        // Lines as MSBuild prints them: the proof app's own JIT build once reported the first (a reflection-based MapGet).
        var build = new AotBuild("app", """
            /repo/tests/LiveTemplate.Typed.AotProof/Program.cs(26,1): warning IL2026: Using member 'Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(IEndpointRouteBuilder, String, Delegate)' which has 'RequiresUnreferencedCodeAttribute' can break functionality when trimming application code. [/repo/tests/LiveTemplate.Typed.AotProof/LiveTemplate.Typed.AotProof.csproj]
            ILC : AOT analysis warning IL3050: LiveTemplate.Typed.Wire.EnvelopeReader.Read(Byte[]): Using member 'System.Text.Json.JsonSerializer.Deserialize<T>(String, JsonSerializerOptions)' which has 'RequiresDynamicCodeAttribute'. [/repo/tests/LiveTemplate.Typed.AotProof/LiveTemplate.Typed.AotProof.csproj]
            ILC : Trim analysis warning IL2104: Assembly 'Some.Package' produced trim warnings. [/repo/tests/LiveTemplate.Typed.AotProof/LiveTemplate.Typed.AotProof.csproj]
            """, TimeSpan.Zero, FromCache: false);

        Assert.Equal(["IL2026", "IL3050", "IL2104"], build.Warnings.Select(w => w.Code));
        Assert.Equal([true, true, false], build.Warnings.Select(w => w.IsOurs));
    }

    [Fact]
    public async Task The_published_app_runs_as_native_code_and_the_other_on_the_JIT()
    {
        using var http = new HttpClient { Timeout = LiveClient.Timeout };
        Assert.Equal("aot", await http.GetStringAsync(new Uri(apps.Aot.BaseUri, "/runtime")));
        Assert.Equal("jit", await http.GetStringAsync(new Uri(apps.Jit.BaseUri, "/runtime")));
    }

    [Fact]
    public async Task A_group_action_from_a_browser_on_the_AOT_instance_reaches_the_group_on_the_JIT_instance_and_back()
    {
        await using var onAot = await LiveClient.ConnectAsync(apps.Live(apps.Aot, "g1"));
        await using var onJit = await LiveClient.ConnectAsync(apps.Live(apps.Jit, "g1"));

        await onAot.SendActionAsync("ping", """{"seq":1,"text":"from aot <&>","tags":["a","b"]}""");
        AssertPinged(await onAot.NextAsync("the AOT instance's answer"), 1, "from aot <&>", "aot");
        AssertPinged(await onJit.NextAsync("the AOT ping on the JIT instance"), 1, "from aot <&>", "aot");

        await onJit.SendActionAsync("ping", """{"seq":2,"text":"from jit","tags":[]}""");
        AssertPinged(await onJit.NextAsync("the JIT instance's answer"), 2, "from jit", "jit");
        AssertPinged(await onAot.NextAsync("the JIT ping on the AOT instance"), 2, "from jit", "jit");
    }

    [Fact]
    public async Task A_server_action_from_the_JIT_instance_reaches_the_users_connection_on_the_AOT_instance()
    {
        await using var aliceOnAot = await LiveClient.ConnectAsync(apps.Live(apps.Aot, "g2", user: "alice"));
        await using var bobOnJit = await LiveClient.ConnectAsync(apps.Live(apps.Jit, "g2", user: "bob"));

        await bobOnJit.SendActionAsync("notify", """{"to":"alice","text":"hello from bob"}""");

        var noted = await aliceOnAot.NextAsync("bob's note");
        Assert.Equal(("action", "noted", "hello from bob"), (noted.Type, noted.Action, noted.Text));
        Assert.Equal("jit", noted.Data.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task The_native_app_refuses_bad_data_with_the_generated_readers_error()
    {
        await using var client = await LiveClient.ConnectAsync(apps.Live(apps.Aot, "g3"));

        await client.SendActionAsync("ping", """{"seq":"one","text":"x","tags":[]}""");

        var error = await client.NextAsync("the error frame");
        Assert.Equal(("error", "invalid-data"), (error.Type, error.Code));
        Assert.Contains("seq", error.Get("message"), StringComparison.Ordinal);
    }

    private static void AssertPinged(Frame frame, int seq, string text, string instance)
    {
        Assert.Equal(("action", "pinged", text), (frame.Type, frame.Action, frame.Text));
        Assert.Equal(seq, frame.Data.GetProperty("seq").GetInt32());
        Assert.Equal(instance, frame.Data.GetProperty("instance").GetString());
        Assert.Equal(12.5m, frame.Data.GetProperty("amount").GetDecimal());
        Assert.True(frame.Data.GetProperty("proof").GetBoolean());
        Assert.NotEqual(Guid.Empty, frame.Data.GetProperty("id").GetGuid());
    }
}
