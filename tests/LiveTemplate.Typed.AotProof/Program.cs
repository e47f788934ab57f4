// The Native AOT proof app (issue 16, part 4). Start it with
//   LiveTemplate.Typed.AotProof --urls http://127.0.0.1:5000 --Redis 127.0.0.1:6379 [--Instance name]
// A request with ?user=NAME is signed in as NAME (a stand-in for real authentication). The readiness probe is
// /health/ready; the first line on standard output is "listening" once Kestrel accepts connections.
using System.Security.Claims;
using LiveTemplate.Typed.AotProof;

var builder = WebApplication.CreateSlimBuilder(args);
var redis = builder.Configuration["Redis"] is { Length: > 0 } configured
    ? configured
    : throw new InvalidOperationException("Set --Redis host:port: the proof exchanges actions with another instance over Redis.");
builder.Services.AddSingleton(new InstanceName(builder.Configuration["Instance"] ?? Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
LiveWiring.AddLive(builder.Services, redis);

var app = builder.Build();
app.Use((http, next) =>
{
    if (http.Request.Query["user"] is [{ Length: > 0 } user])
    {
        http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user)], "query"));
    }

    return next(http);
});
LiveWiring.MapLive(app);
// Native code compiles no method at run time; the JIT has compiled hundreds by now. (IsDynamicCodeSupported would
// not tell: PublishAot turns it off on the JIT build too, so the analyzers and the JIT run behave alike.)
app.MapGet("/runtime", () => System.Runtime.JitInfo.GetCompiledMethodCount() > 0 ? "jit" : "aot");
app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine("listening"));
await app.RunAsync();
