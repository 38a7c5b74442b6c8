namespace Gatehouse.Host.Commands;

/// <summary>
/// The commands of the <c>gatehouse</c> executable besides serving: <c>token new</c>,
/// <c>policy validate FILE…</c>, <c>policy explain</c>, <c>db migrate</c> and <c>healthcheck</c>. With no command (or only options such as <c>--config</c>) it serves.
/// </summary>
internal static class CommandLine
{
    /// <summary>Runs a command and returns its exit code, or null when the arguments ask to serve.</summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is ["--help"] or ["-h"])
        {
            return Usage(output, 0);
        }

        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return null;
        }

        return args switch
        {
            ["token", "new"] => TokenCommand.Run(output),
            ["policy", "validate", .. var files] when files.Length > 0 => PolicyValidateCommand.Run(files, output, error),
            ["policy", "explain", .. var options] => PolicyExplainCommand.Run(options, output, error),
            ["db", "migrate", .. var options] => await DbMigrateCommand.RunAsync(options, output, error),
            ["healthcheck", .. var options] => await HealthcheckCommand.RunAsync(options, error),
            ["help"] => Usage(output, 0),
            _ => Usage(error, 2),
        };
    }

    private static int Usage(TextWriter writer, int exitCode)
    {
        writer.WriteLine("""
            usage:
              gatehouse [--config PATH] [--urls URL]     serve (the embedded default: one replica, localhost clustering)
              gatehouse token new                       print a new bearer token and the SHA-256 to put in the configuration
              gatehouse policy validate FILE...         check policy documents; exit code 1 if any is invalid
              gatehouse policy explain --policy FILE --tool NAME [--args JSON] [--grant G] [--upstream U]
                                       [--annotations JSON] [--description TEXT]
                                                        the decision for one call and the rule that made it, with no cluster;
                                                        exit 0 allowed or held for approval, 1 refused or hidden, 2 bad input
              gatehouse db migrate [--config PATH]      create or upgrade the PostgreSQL schema (idempotent)
              gatehouse healthcheck [--url URL]         exit 0 if the replica's /healthz answers (default http://127.0.0.1:8080/healthz)
            """);
        return exitCode;
    }
}
