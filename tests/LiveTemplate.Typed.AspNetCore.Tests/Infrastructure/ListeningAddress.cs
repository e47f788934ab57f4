using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;

/// <summary>Where a started app listens: Kestrel picked the free port for <c>http://127.0.0.1:0</c>.</summary>
public static class ListeningAddress
{
    public static Uri Of(WebApplication app)
        => new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
}
