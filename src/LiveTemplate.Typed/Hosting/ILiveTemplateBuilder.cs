using Microsoft.Extensions.DependencyInjection;

namespace LiveTemplate.Typed.Hosting;

/// <summary>
/// What the host's <c>AddLiveTemplate()</c> returns: the application's services, where a backplane package adds
/// itself with one call (<c>AddLiveTemplate().AddRedis(...)</c>) without the host depending on it.
/// </summary>
public interface ILiveTemplateBuilder
{
    /// <summary>The application's services.</summary>
    IServiceCollection Services { get; }
}
