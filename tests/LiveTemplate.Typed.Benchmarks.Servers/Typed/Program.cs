// LiveTemplate.Typed's benchmark server: LiveTemplate.Typed.Benchmarks.TypedServer --urls http://127.0.0.1:PORT --Redis HOST:PORT [--Presence=true]
using LiveTemplate.Typed.Benchmarks.Servers;
using LiveTemplate.Typed.Benchmarks.Servers.Typed;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var presence = builder.Configuration.GetValue<bool>("Presence");
LiveWiring.AddLive(builder.Services, builder.Configuration["Redis"] ?? throw new InvalidOperationException("Set --Redis host:port."), presence);
var app = builder.Build();
LiveWiring.MapLive(app, presence);
ServerStats.Map(app);
await app.RunAsync();
