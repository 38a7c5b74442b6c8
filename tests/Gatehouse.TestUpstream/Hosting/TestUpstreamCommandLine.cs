namespace Gatehouse.TestUpstream.Hosting;

/// <summary>
/// The switches this program owns (<c>--stdio</c>, <c>--stateful</c>, <c>--subscriptions</c>, <c>--only-2026</c>, <c>--name NAME</c>); every other
/// argument (<c>--urls</c>, logging settings, …) is left for the host's own configuration.
/// </summary>
/// <remarks>
/// The switches are taken out before the host sees the arguments: the configuration command-line
/// provider would otherwise read the bare flag <c>--stdio</c> as a key whose value is the next argument.
/// </remarks>
internal sealed record TestUpstreamCommandLine(bool Stdio, bool Stateful, string ServerName, string[] HostArgs)
{
    /// <summary>Whether clients may subscribe to resources (and the <c>touch</c> tool tells them of an update); HTTP with <c>--stateful</c> only.</summary>
    public bool Subscriptions { get; init; }

    /// <summary>Whether the server speaks 2026-07-28 only: it refuses <c>initialize</c>, as a server without the 2025 revisions must (HTTP).</summary>
    public bool Only2026 { get; init; }

    private const string NamePrefix = "--name=";

    public static TestUpstreamCommandLine Parse(IReadOnlyList<string> args)
    {
        var stdio = false;
        var stateful = false;
        var subscriptions = false;
        var only2026 = false;
        var name = TestUpstreamDefaults.ServerName;
        var hostArgs = new List<string>();

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--stdio")
            {
                stdio = true;
            }
            else if (arg == "--stateful")
            {
                stateful = true;
            }
            else if (arg == "--subscriptions")
            {
                subscriptions = true;
            }
            else if (arg == "--only-2026")
            {
                only2026 = true;
            }
            else if (arg == "--name")
            {
                name = i + 1 < args.Count ? args[++i] : throw new ArgumentException("--name needs a value.", nameof(args));
            }
            else if (arg.StartsWith(NamePrefix, StringComparison.Ordinal))
            {
                name = arg[NamePrefix.Length..];
            }
            else
            {
                hostArgs.Add(arg);
            }
        }

        return new TestUpstreamCommandLine(stdio, stateful, name, [.. hostArgs]) { Subscriptions = subscriptions, Only2026 = only2026 };
    }
}
