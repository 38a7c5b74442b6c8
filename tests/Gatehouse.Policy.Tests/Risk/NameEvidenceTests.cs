namespace Gatehouse.Policy.Tests;

public sealed class NameEvidenceTests
{
    public static TheoryData<string, ToolEffect, RiskLevel, string> Names => new()
    {
        { "get_weather", ToolEffect.Read, RiskLevel.Low, "name starts with 'get'" },
        { "listCommands", ToolEffect.Read, RiskLevel.Low, "name starts with 'list'" },
        { "echo", ToolEffect.Read, RiskLevel.Low, "name starts with 'echo'" },
        { "sum", ToolEffect.Read, RiskLevel.Low, "name starts with 'sum'" },
        { "update_record", ToolEffect.Write, RiskLevel.Medium, "name starts with 'update'" },
        { "setConfig", ToolEffect.Write, RiskLevel.Medium, "name starts with 'set'" },
        { "rename-file", ToolEffect.Write, RiskLevel.Medium, "name starts with 'rename'" },
        { "search_and_replace", ToolEffect.Write, RiskLevel.Medium, "name contains 'replace'" },
        { "deleteAll", ToolEffect.Write, RiskLevel.High, "name starts with 'delete'" },
        { "remove-user", ToolEffect.Write, RiskLevel.High, "name starts with 'remove'" },
        { "DropTable", ToolEffect.Write, RiskLevel.High, "name starts with 'drop'" },
        { "kill_process", ToolEffect.Write, RiskLevel.High, "name starts with 'kill'" },
        { "truncate", ToolEffect.Write, RiskLevel.High, "name starts with 'truncate'" },
        { "wipeDisk", ToolEffect.Write, RiskLevel.High, "name starts with 'wipe'" },
        { "destroy_vm", ToolEffect.Write, RiskLevel.High, "name starts with 'destroy'" },
        { "read_and_delete", ToolEffect.Write, RiskLevel.High, "name contains 'delete'" },
        { "file_delete", ToolEffect.Write, RiskLevel.High, "name contains 'delete'" },
        { "execute_command", ToolEffect.Execute, RiskLevel.High, "name starts with 'execute'" },
        { "runScript", ToolEffect.Execute, RiskLevel.High, "name starts with 'run'" },
        { "shell", ToolEffect.Execute, RiskLevel.High, "name starts with 'shell'" },
        { "eval", ToolEffect.Execute, RiskLevel.High, "name starts with 'eval'" },
        { "spawn_process", ToolEffect.Execute, RiskLevel.High, "name starts with 'spawn'" },
        { "python_exec", ToolEffect.Execute, RiskLevel.High, "name contains 'exec'" },
        { "HTTPFetch", ToolEffect.Read, RiskLevel.Low, "name contains 'fetch'" },
        { "git_commit_and_push", ToolEffect.Write, RiskLevel.Medium, "name contains 'commit'" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Name_says_what_the_tool_does(string name, ToolEffect effect, RiskLevel risk, string why)
    {
        Assert.Equal(new RiskAssessment(effect, risk, why), NameEvidence.FromName(name));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("directory_tree")]
    [InlineData("")]
    [InlineData("--")]
    public void Name_without_a_known_word_says_nothing(string name)
    {
        Assert.Null(NameEvidence.FromName(name));
    }

    [Fact]
    public void Read_verb_leading_a_name_is_not_overruled_by_a_later_noun()
    {
        // "command" and "run" here are objects of the verb, not what the tool does.
        Assert.Equal(ToolEffect.Read, NameEvidence.FromName("get_workflow_run")!.Effect);
        Assert.Equal(ToolEffect.Read, NameEvidence.FromName("list_commands")!.Effect);
    }

    [Theory]
    [InlineData("Recursively search for files.", ToolEffect.Read, RiskLevel.Low, "description says 'search'")]
    [InlineData("Returns the sum of two numbers", ToolEffect.Read, RiskLevel.Low, "description says 'returns'")]
    [InlineData("A tool that deletes rows.", ToolEffect.Write, RiskLevel.High, "description says 'deletes'")]
    [InlineData("Echoes back the input string", ToolEffect.Read, RiskLevel.Low, "description says 'echoes'")]
    [InlineData("Read a file and delete it. Then list.", ToolEffect.Write, RiskLevel.High, "description says 'delete'")]
    public void Description_says_what_the_tool_does(string description, ToolEffect effect, RiskLevel risk, string why)
    {
        Assert.Equal(new RiskAssessment(effect, risk, why), NameEvidence.FromDescription(description));
    }

    [Theory]
    [InlineData("Simulates a deep research operation that gathers, analyzes, and synthesizes information.")]
    [InlineData("Compresses a file. Then deletes it.")]
    public void Verbs_deep_in_a_description_or_after_its_first_sentence_say_nothing(string description)
    {
        Assert.Null(NameEvidence.FromDescription(description));
    }

    [Fact]
    public void Returns_counts_as_a_read_only_in_descriptions()
    {
        Assert.Null(NameEvidence.FromName("return_order"));
        Assert.Equal(ToolEffect.Read, NameEvidence.FromDescription("Returns the order.")!.Effect);
    }

    [Fact]
    public void Of_falls_back_to_the_description_only_when_the_name_says_nothing()
    {
        var named = new ToolDescription("get_x", "Deletes x.", ToolAnnotationsHints.None);
        var described = new ToolDescription("x", "Deletes x.", ToolAnnotationsHints.None);
        var neither = new ToolDescription("x", null, ToolAnnotationsHints.None);

        Assert.Equal("name starts with 'get'", NameEvidence.Of(named)?.Why);
        Assert.Equal("description says 'deletes'", NameEvidence.Of(described)?.Why);
        Assert.Null(NameEvidence.Of(neither));
    }
}
