// The browser client's test host. Start it with
//   dotnet LiveTemplate.Typed.ClientHost.dll --urls http://127.0.0.1:PORT [--LiveTemplate:Redis 127.0.0.1:6379] [--ClientHost:NoHistory true]
// Endpoint /live/{room} (group room:{room}); /slam/{room}, which closes each connection right after its hello; the client at /_livetemplate/client.js; "listening" on standard output
// once Kestrel accepts connections.
using LiveTemplate.Typed.AspNetCore;
using LiveTemplate.Typed.ClientHost;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Redis;

var builder = WebApplication.CreateSlimBuilder(args);
var history = builder.Configuration.GetValue<bool>("ClientHost:NoHistory") ? HistoryKinds.None : HistoryKinds.GroupAction;
var live = builder.Services.AddLiveTemplate(o => o.History = history);
if (builder.Configuration["LiveTemplate:Redis"] is { Length: > 0 })
{
    live.AddRedis();
}

var app = builder.Build();
app.MapLiveTemplate<RoomHandler>("/live/{room}", endpoint =>
{
    endpoint.ResolveGroup = http => "room:" + http.Request.RouteValues["room"];
    endpoint.AllowFromBrowser<Say>().AllowFromBrowser<Repeat>().AllowFromBrowser<Fail>().AllowFromBrowser<Announce>().UsePresence<Seat>();
    endpoint.UseTopics(topics => topics.Allow(News.AnyTopic)); // news/* and every news/{room}
});
app.MapLiveTemplate<SlamHandler>("/slam/{room}", endpoint => endpoint.ResolveGroup = http => "slam:" + http.Request.RouteValues["room"]);
app.MapLiveTemplateClient();
app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine("listening"));
await app.RunAsync();
