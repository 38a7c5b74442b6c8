using Gatehouse.TestUpstream.Hosting;

var commandLine = TestUpstreamCommandLine.Parse(args);

if (commandLine.Stdio)
{
    await StdioUpstream.RunAsync(commandLine);
}
else
{
    await HttpUpstream.RunAsync(commandLine);
}
