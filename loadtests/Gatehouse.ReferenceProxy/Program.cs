// gatehouse-reference-proxy --urls http://127.0.0.1:PORT --upstream http://127.0.0.1:UPSTREAM_PORT/
using Gatehouse.ReferenceProxy.Forwarding;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, ReferenceProxyOptions.SwitchMappings);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.AddUpstreamForwarding();

var app = builder.Build();
app.MapUpstreamForwarding();
app.Run();
