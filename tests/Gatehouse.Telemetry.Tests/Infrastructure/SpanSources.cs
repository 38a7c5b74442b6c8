namespace Gatehouse.Telemetry.Tests.Infrastructure;

/// <summary>The ActivitySources whose spans the tests look at, besides Gatehouse's own.</summary>
internal static class SpanSources
{
    public const string AspNetCore = "Microsoft.AspNetCore";

    public const string HttpClient = "System.Net.Http";

    public const string Mcp = "Experimental.ModelContextProtocol";

    public const string OrleansApplication = "Microsoft.Orleans.Application";
}
