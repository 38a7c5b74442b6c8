using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Policies;
using Gatehouse.Upstreams;
using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Tests.Policies;

public sealed class PolicyFilesTests : IDisposable
{
    private const string Valid = """{"version":"1","default":"deny","tools":{"echo":{"action":"allow"}}}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("gatehouse-policy-files-").FullName;
    private readonly PolicyFiles _files;

    public PolicyFilesTests()
    {
        var options = new GatehouseOptions();
        options.Upstreams["metered"] = new UpstreamOptions { Policy = "metered.json" };
        _files = new PolicyFiles(Options.Create(options), new ConfigFileLocation(_folder));
    }

    [Fact]
    public void An_unchanged_file_is_not_parsed_again_and_a_changed_one_is()
    {
        File.WriteAllText(Path.Combine(_folder, "metered.json"), Valid);
        var first = _files.Read("metered");
        Assert.NotNull(first.Document);

        Assert.Null(_files.Read("metered", unlessSha256: first.Sha256));

        File.WriteAllText(Path.Combine(_folder, "metered.json"), Valid.Replace("allow", "deny", StringComparison.Ordinal) + "x");
        var changed = _files.Read("metered", unlessSha256: first.Sha256);
        Assert.NotNull(changed);
        Assert.NotEqual(first.Sha256, changed.Sha256);
        Assert.Null(changed.Document);
        Assert.NotEmpty(changed.Faults);
    }

    [Fact]
    public void A_missing_file_is_a_fault_whatever_hash_was_known()
    {
        var missing = _files.Read("metered", unlessSha256: "0000");

        Assert.NotNull(missing);
        Assert.Null(missing.Sha256);
        Assert.Contains(missing.Faults, fault => fault.Contains("file not found", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
