using System.Globalization;

namespace Gatehouse.Storage.Tests.TestSupport;

/// <summary>
/// Entry point of this test assembly when run as a program (<c>dotnet exec
/// Gatehouse.Storage.Tests.dll silo …</c>): hosts one <see cref="TestSilo"/> in a process of its
/// own so that a test can kill it with SIGKILL. The test runner never calls it.
/// </summary>
internal static class SiloProcessProgram
{
    public const string Command = "silo";
    public const string ConnectionStringVariable = "GATEHOUSE_TEST_SILO_DATABASE";
    public const string StartedPrefix = "started ";

    public static async Task<int> Main(string[] args)
    {
        if (args is not [Command, var clusterId, var siloPort, var gatewayPort])
        {
            await Console.Error.WriteLineAsync($"usage: {Command} CLUSTER_ID SILO_PORT GATEWAY_PORT (database in ${ConnectionStringVariable})");
            return 2;
        }

        var connectionString = PostgresServer.FromValue(Environment.GetEnvironmentVariable(ConnectionStringVariable));
        var silo = TestSilo.Create(
            connectionString,
            clusterId,
            siloPort: int.Parse(siloPort, CultureInfo.InvariantCulture),
            gatewayPort: int.Parse(gatewayPort, CultureInfo.InvariantCulture));
        await silo.StartAsync(CancellationToken.None);
        await Console.Out.WriteLineAsync(StartedPrefix + silo.Address.ToParsableString());
        await Console.Out.FlushAsync();

        // Runs until killed; the parent test decides how it ends.
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}
