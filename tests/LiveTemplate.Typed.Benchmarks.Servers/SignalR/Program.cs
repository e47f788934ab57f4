// SignalR's benchmark server: LiveTemplate.Typed.Benchmarks.SignalRServer --urls http://127.0.0.1:PORT --Redis HOST:PORT
using LiveTemplate.Typed.Benchmarks.Servers;
using LiveTemplate.Typed.Benchmarks.Servers.SignalR;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSignalR().AddStackExchangeRedis(builder.Configuration["Redis"] ?? throw new InvalidOperationException("Set --Redis host:port."));
var app = builder.Build();
app.MapHub<BenchHub>("/hub");
ServerStats.Map(app);
await app.RunAsync();
