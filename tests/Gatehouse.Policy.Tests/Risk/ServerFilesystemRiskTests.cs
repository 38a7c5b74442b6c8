using static Gatehouse.Policy.RiskLevel;
using static Gatehouse.Policy.ToolEffect;

namespace Gatehouse.Policy.Tests;

/// <summary>The class and risk of every tool of <c>@modelcontextprotocol/server-filesystem@2026.8.31</c>.</summary>
public sealed class ServerFilesystemRiskTests
{
    public static TheoryData<string, ToolEffect, RiskLevel> Table => new()
    {
        { "read_file", Read, Low },
        { "read_text_file", Read, Low },
        { "read_media_file", Read, Low },
        { "read_multiple_files", Read, Low },
        { "write_file", Write, High },
        { "edit_file", Write, High },
        { "create_directory", Write, Medium },
        { "list_directory", Read, Low },
        { "list_directory_with_sizes", Read, Low },
        { "directory_tree", Read, Low },
        { "move_file", Write, High },
        { "search_files", Read, Low },
        { "get_file_info", Read, Low },
        { "list_allowed_directories", Read, Low },
    };

    // What the names and descriptions alone say, were the annotations missing: reads stay reads, writes are writes,
    // but nothing in "write", "edit" or "move" says destructive, which is why annotations come first.
    public static TheoryData<string, ToolEffect, RiskLevel, string> WithoutAnnotations => new()
    {
        { "read_file", Read, Low, "name starts with 'read'" },
        { "read_text_file", Read, Low, "name starts with 'read'" },
        { "read_media_file", Read, Low, "name starts with 'read'" },
        { "read_multiple_files", Read, Low, "name starts with 'read'" },
        { "write_file", Write, Medium, "name starts with 'write'" },
        { "edit_file", Write, Medium, "name starts with 'edit'" },
        { "create_directory", Write, Medium, "name starts with 'create'" },
        { "list_directory", Read, Low, "name starts with 'list'" },
        { "list_directory_with_sizes", Read, Low, "name starts with 'list'" },
        { "directory_tree", Read, Low, "description says 'get'" },
        { "move_file", Write, Medium, "name starts with 'move'" },
        { "search_files", Read, Low, "name starts with 'search'" },
        { "get_file_info", Read, Low, "name starts with 'get'" },
        { "list_allowed_directories", Read, Low, "name starts with 'list'" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Tool_has_its_class_and_risk(string name, ToolEffect effect, RiskLevel risk)
    {
        var assessment = ToolRisk.Classify(ReferenceTools.Find(ReferenceTools.Filesystem, name));

        Assert.Equal((effect, risk), (assessment.Effect, assessment.Risk));
    }

    [Fact]
    public void Table_covers_every_tool_the_server_lists()
    {
        Assert.Equal(14, ReferenceTools.Filesystem.Count);
        Assert.Equal(
            ReferenceTools.Filesystem.Select(tool => tool.Name).Order(StringComparer.Ordinal),
            Table.Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("write_file")]
    [InlineData("edit_file")]
    [InlineData("move_file")]
    public void Overwriting_tools_are_high_risk_writes_by_their_destructive_hint(string name)
    {
        var assessment = ToolRisk.Classify(ReferenceTools.Find(ReferenceTools.Filesystem, name));

        Assert.Equal(new RiskAssessment(ToolEffect.Write, RiskLevel.High, "destructiveHint=true"), assessment);
    }

    [Fact]
    public void Exactly_the_destructive_tools_are_high_risk()
    {
        var high = ReferenceTools.Filesystem.Where(tool => ToolRisk.Classify(tool).Risk == RiskLevel.High).Select(tool => tool.Name);

        Assert.Equal(["edit_file", "move_file", "write_file"], high.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(WithoutAnnotations))]
    public void Without_annotations_name_and_description_classify_the_tool(string name, ToolEffect effect, RiskLevel risk, string why)
    {
        var tool = ReferenceTools.Find(ReferenceTools.Filesystem, name) with { Hints = ToolAnnotationsHints.None };

        Assert.Equal(new RiskAssessment(effect, risk, why), ToolRisk.Classify(tool));
    }
}
