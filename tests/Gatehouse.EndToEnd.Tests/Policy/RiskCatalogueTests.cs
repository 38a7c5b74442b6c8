using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using static Gatehouse.EndToEnd.Tests.Infrastructure.ToolResults;

namespace Gatehouse.EndToEnd.Tests.Policy;

/// <summary>
/// The real <c>@modelcontextprotocol/server-filesystem</c> behind a policy that names one tool and lets
/// each tool's own annotations decide the rest (<c>risk_defaults</c>).
/// </summary>
[Collection(CoreGatewayCollection.Name)]
public sealed class RiskCatalogueTests(CoreGatewayFixture fixture)
{
    [Fact]
    public async Task The_admin_catalogue_classifies_the_filesystem_servers_tools_from_their_annotations()
    {
        var body = await GatewayConfig.Admin.GetAsync(fixture.Gateway.BaseUrl, "/admin/tools?upstream=files");
        var tools = body["upstreams"]![0]!["tools"]!.AsArray().ToDictionary(t => (string)t!["name"]!, t => (JsonObject)t!);

        string Row(string name) =>
            $"{tools[name]["effect"]} {tools[name]["risk"]} {tools[name]["decision"]!["action"]} {tools[name]["decision"]!["rule"]}";

        Assert.Equal("read low allow /default", Row("read_text_file"));
        Assert.Equal("read low allow /default", Row("list_directory"));
        Assert.Equal("write medium allow /default", Row("create_directory"));
        Assert.Equal("write high deny /risk_defaults/high", Row("write_file"));
        Assert.Equal("write high deny /risk_defaults/high", Row("move_file"));
        Assert.Equal("write high allow /tools/edit_file", Row("edit_file"));
        Assert.Equal("destructiveHint=true", (string?)tools["write_file"]["riskWhy"]);
        Assert.Equal(14, tools.Count);
    }

    [Fact]
    public async Task High_risk_tools_the_policy_does_not_name_are_neither_listed_nor_run()
    {
        await using var agent = await fixture.Gateway.ConnectAsync("files", "filer");
        var listed = (await agent.ListToolsAsync()).Select(t => t.Name).ToList();
        var target = Path.Combine(fixture.FilesFolder, "written-by-agent.txt");
        var refused = await agent.CallToolAsync("write_file", Args(("path", target), ("content", "should not exist")));
        var created = await agent.CallToolAsync("create_directory", Args(("path", Path.Combine(fixture.FilesFolder, "made"))));

        Assert.DoesNotContain("write_file", listed);
        Assert.DoesNotContain("move_file", listed);
        Assert.Contains("edit_file", listed);
        Assert.Contains("read_text_file", listed);
        Assert.True(refused.IsError);
        Assert.Equal("deny", (string?)refused.Decision()!["action"]);
        Assert.Contains("destructive file tools need a rule of their own", refused.Text(), StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        Assert.NotEqual(true, created.IsError);
        Assert.True(Directory.Exists(Path.Combine(fixture.FilesFolder, "made")));
    }
}
