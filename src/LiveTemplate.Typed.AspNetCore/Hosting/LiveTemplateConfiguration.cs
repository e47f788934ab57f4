using Microsoft.Extensions.Configuration;

namespace LiveTemplate.Typed.AspNetCore.Hosting;

/// <summary>
/// Binds the <c>LiveTemplate</c> section one value at a time, so that a value configuration cannot convert and a name
/// that is no setting are reported with every other error at start-up, not the first conversion error alone (the
/// binder throws at the first) and not silently ignored (the binder skips unknown names).
/// </summary>
internal static class LiveTemplateConfiguration
{
    // Read from the same section by a backplane package (LiveTemplate.Typed.Redis's AddRedis), not by these options.
    private static readonly string[] BackplaneSettings = ["Redis", "UseShardedPubSub"];

    public static void Bind(LiveTemplateOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection(LiveTemplateOptions.SectionName);
        var readable = new List<KeyValuePair<string, string?>>();
        foreach (var (path, value) in section.AsEnumerable())
        {
            if (value is null)
            {
                continue;
            }

            if (BackplaneSettingOf(section.Path, path) is { } backplane)
            {
                if (value.Length > 0)
                {
                    options.BackplaneSettingsGiven.Add(backplane);
                }

                continue;
            }

            if (ErrorOf(path, path[(section.Path.Length + 1)..], value) is { } error)
            {
                options.ConfigurationErrors.Add(error);
            }
            else
            {
                readable.Add(new(path, value));
            }
        }

        if (options.ConfigurationErrors.Count == 0)
        {
            section.Bind(options);
        }
        else
        {
            SectionOf(readable).Bind(options);
        }
    }

    private static string? ErrorOf(string path, string setting, string value)
    {
        var alone = SectionOf([new(path, value)]);
        try
        {
            alone.Bind(new LiveTemplateOptions());
        }
        catch (InvalidOperationException conversion)
        {
            // The binder's message shows the value, which must not reach a log for the key.
            return IsSecret(setting) ? $"{setting} must be base64 (its value is a secret: not shown)." : conversion.Message;
        }

        try
        {
            alone.Bind(new LiveTemplateOptions(), static binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException)
        {
            return $"{setting} is not a setting, so it would be ignored (misspelt?).";
        }

        return null;
    }

    private static IConfigurationSection SectionOf(IEnumerable<KeyValuePair<string, string?>> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(LiveTemplateOptions.SectionName);

    private static bool IsSecret(string setting) => string.Equals(setting, nameof(LiveTemplateOptions.SigningKey), StringComparison.OrdinalIgnoreCase);

    private static string? BackplaneSettingOf(string sectionPath, string path)
        => BackplaneSettings.FirstOrDefault(setting => string.Equals(path, ConfigurationPath.Combine(sectionPath, setting), StringComparison.OrdinalIgnoreCase));
}
