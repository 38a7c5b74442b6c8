using Gatehouse.Host.Commands;
using Gatehouse.Host.Hosting;

if (await CommandLine.TryRunAsync(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddGatehouse(args);

    var app = builder.Build();
    app.MapGatehouse();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } message)
{
    await Console.Error.WriteLineAsync(message);
    return 1;
}
