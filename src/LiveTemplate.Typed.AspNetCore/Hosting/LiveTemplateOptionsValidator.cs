using LiveTemplate.Typed.AspNetCore.Endpoint;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.Hosting;
using LiveTemplate.Typed.PubSub;
using Microsoft.Extensions.Options;

namespace LiveTemplate.Typed.AspNetCore.Hosting;

/// <summary>Rejects options that cannot work, at start-up, with the setting's name in the message.</summary>
internal sealed class LiveTemplateOptionsValidator(IBroadcasterFactory broadcasters) : IValidateOptions<LiveTemplateOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveTemplateOptions options)
    {
        var failures = new List<string>(options.ConfigurationErrors);
        if (broadcasters is InMemoryBroadcasterFactory)
        {
            failures.AddRange(options.BackplaneSettingsGiven.Select(setting =>
                $"{setting} is set, but no backplane reads it and the app would run in memory: add the LiveTemplate.Typed.Redis package and call AddLiveTemplate().AddRedis(), or remove the setting."));
        }

        Check(failures, options.MaxFrameBytes is >= 256 and <= 16 * 1024 * 1024, "MaxFrameBytes must be between 256 bytes and 16 MiB.");
        Check(failures, options.MessagesPerSecond > 0 && double.IsFinite(options.MessagesPerSecond), "MessagesPerSecond must be a positive number.");
        Check(failures, options.MessageBurst >= 1, "MessageBurst must be at least 1.");
        Check(failures, options.MaxInvalidFrames >= 1, "MaxInvalidFrames must be at least 1.");
        Check(failures, options.OutboundQueueCapacity >= 1, "OutboundQueueCapacity must be at least 1.");
        Check(failures, IsWait(options.SendTimeout), "SendTimeout must be positive and at most 1 day.");
        Check(failures, IsWait(options.CloseTimeout), "CloseTimeout must be positive and at most 1 day.");
        Check(failures, IsWait(options.ShutdownTimeout), "ShutdownTimeout must be positive and at most 1 day.");
        Check(failures, options.KeepAliveInterval >= TimeSpan.Zero && options.KeepAliveInterval <= BroadcasterOptions.MaxWait, "KeepAliveInterval must not be negative (zero sends no keep-alive frame) and at most 1 day.");
        Check(failures, options.KeepAliveTimeout >= TimeSpan.Zero && options.KeepAliveTimeout <= BroadcasterOptions.MaxWait, "KeepAliveTimeout must not be negative (zero waits for no answer) and at most 1 day.");
        Check(failures, LiveTemplateOptions.PingsSupported || options.KeepAliveTimeout <= TimeSpan.Zero, "KeepAliveTimeout needs .NET 9 or later (ASP.NET Core 8 sends no pings to wait for): leave it zero on .NET 8.");
        Check(failures, IsCookieName(options.SessionCookieName), "SessionCookieName must be a non-empty cookie name (letters, digits, '-', '_', '.').");
        Check(failures, !string.IsNullOrWhiteSpace(options.UserIdClaimType), "UserIdClaimType must name a claim.");
        Check(failures, Enum.IsDefined(options.OutboundFullMode), $"OutboundFullMode must be {nameof(OutboundFullMode.DropIncoming)} or {nameof(OutboundFullMode.DropOldest)}.");
        Check(failures, IsWait(options.SubscribeTimeout), "SubscribeTimeout must be positive and at most 1 day.");
        failures.AddRange(AllowedOrigins.Explain(options.AllowedOrigins));
        failures.AddRange(options.GetErrors());
        failures.AddRange(options.Presence.GetErrors());

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.Select(f => "LiveTemplate: " + f));
    }

    private static void Check(List<string> failures, bool ok, string failure)
    {
        if (!ok)
        {
            failures.Add(failure);
        }
    }

    private static bool IsWait(TimeSpan wait) => wait > TimeSpan.Zero && wait <= BroadcasterOptions.MaxWait;

    private static bool IsCookieName(string? name)
        => !string.IsNullOrEmpty(name) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
