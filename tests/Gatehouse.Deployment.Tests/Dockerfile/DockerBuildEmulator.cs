using System.Text.RegularExpressions;
using Gatehouse.Deployment.Tests.Infrastructure;

namespace Gatehouse.Deployment.Tests.Dockerfile;

/// <summary>
/// Runs a Dockerfile stage's instructions on this machine (there is no container engine here): the
/// container's file system is a temporary folder, COPY takes files from the repository as the build
/// context (honouring .dockerignore), WORKDIR and ENV apply, and RUN runs its shell command with the
/// container's absolute paths mapped into that folder. Enough to prove that the build stage's restore
/// layer holds every file the restore needs and that its publish command produces the app.
/// </summary>
internal sealed partial class DockerBuildEmulator(string root, DockerIgnore ignore)
{
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal)
    {
        // No long-lived build servers: they would outlive the command and hold its output pipes open.
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["UseSharedCompilation"] = "false",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
    };

    private string _workdir = "/";

    /// <summary>The folder that stands for the container's path.</summary>
    public string HostPath(string containerPath) =>
        Path.Combine(root, containerPath.TrimStart('/').Replace('/', Path.DirectorySeparatorChar));

    public async Task RunAsync(DockerStage stage, TimeSpan runLimit)
    {
        foreach (var instruction in stage.Instructions)
        {
            switch (instruction.Keyword)
            {
                case "WORKDIR":
                    _workdir = Absolute(instruction.Arguments);
                    Directory.CreateDirectory(HostPath(_workdir));
                    break;
                case "ENV":
                    foreach (Match pair in EnvPair().Matches(instruction.Arguments))
                    {
                        _environment[pair.Groups["name"].Value] = pair.Groups["value"].Value.Trim('"');
                    }

                    break;
                case "COPY" when instruction.Flags.ContainsKey("from"):
                    throw new NotSupportedException($"{instruction}: the emulator runs one stage; COPY --from is checked separately.");
                case "COPY":
                    Copy(instruction);
                    break;
                case "RUN":
                    await RunShellAsync(instruction, runLimit);
                    break;
                default:
                    // ARG, LABEL, EXPOSE, USER, ENTRYPOINT, ...: no effect on the files a build stage makes.
                    break;
            }
        }
    }

    private void Copy(DockerInstruction instruction)
    {
        var words = instruction.Words();
        var sources = words.Take(words.Count - 1).ToList();
        var destination = words[^1];
        var intoFolder = destination.EndsWith('/') || destination is "." or "./" || sources.Count > 1;
        var target = Absolute(destination);
        foreach (var source in sources)
        {
            var relative = Relative(source);
            var full = Path.Combine(Repository.Root, relative);
            if (relative.Length > 0 && ignore.Excludes(relative))
            {
                throw new InvalidOperationException($"{instruction}: '{source}' is excluded from the build context by .dockerignore.");
            }

            if (Directory.Exists(full))
            {
                CopyFolder(full, relative, HostPath(target));
            }
            else if (File.Exists(full))
            {
                var file = intoFolder ? Path.Combine(HostPath(target), Path.GetFileName(full)) : HostPath(target);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.Copy(full, file, overwrite: true);
            }
            else
            {
                throw new InvalidOperationException($"{instruction}: '{source}' does not exist in the build context ({Repository.Root}).");
            }
        }
    }

    private void CopyFolder(string folder, string relative, string target)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var inside = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (ignore.Excludes(relative.Length == 0 ? inside : $"{relative}/{inside}"))
            {
                continue;
            }

            var destination = Path.Combine(target, inside);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    private async Task RunShellAsync(DockerInstruction instruction, TimeSpan limit)
    {
        var command = instruction.IsExecForm
            ? string.Join(' ', instruction.Words())
            : AbsolutePathToken().Replace(instruction.Arguments, match => HostPath(match.Value));
        var result = await ProcessRunner.RunAsync("/bin/sh", ["-c", command], limit, HostPath(_workdir), _environment);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{instruction} failed in the emulated build: {result.Describe()}");
        }
    }

    private string Absolute(string path) =>
        path.StartsWith('/') ? path : $"{_workdir.TrimEnd('/')}/{Relative(path)}";

    /// <summary>A path relative to the context or the working directory, without <c>./</c> and outer slashes (<c>.</c> is empty).</summary>
    private static string Relative(string path)
    {
        var relative = path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
        relative = relative.Trim('/');
        return relative == "." ? string.Empty : relative;
    }

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>""[^""]*""|\S*)")]
    private static partial Regex EnvPair();

    [GeneratedRegex(@"(?<=^|\s)/[A-Za-z0-9_./-]*")]
    private static partial Regex AbsolutePathToken();
}
