using Gatehouse.ConformanceServer.Hosting;

// --only-2026: a server of 2026-07-28 only, which refuses initialize (Gatehouse's tests of upstreams without sessions).
const string Only2026Switch = "--only-2026";
var builder = WebApplication.CreateBuilder([.. args.Where(arg => arg != Only2026Switch)]);
builder.Services.AddConformanceServer(only2026: args.Contains(Only2026Switch));

var app = builder.Build();
app.MapConformanceServer();
await app.RunAsync();
