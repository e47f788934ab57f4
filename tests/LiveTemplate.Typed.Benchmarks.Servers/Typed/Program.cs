// LiveTemplate.Typed's benchmark server: LiveTemplate.Typed.Benchmarks.TypedServer --urls http://127.0.0.1:PORT --Redis HOST:PORT
using LiveTemplate.Typed.Benchmarks.Servers;
using LiveTemplate.Typed.Benchmarks.Servers.Typed;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
LiveWiring.AddLive(builder.Services, builder.Configuration["Redis"] ?? throw new InvalidOperationException("Set --Redis host:port."));
var app = builder.Build();
LiveWiring.MapLive(app);
ServerStats.Map(app);
await app.RunAsync();
