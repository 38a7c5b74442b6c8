using Gatehouse.ConformanceServer.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddConformanceServer();

var app = builder.Build();
app.MapConformanceServer();
await app.RunAsync();
