using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>Elicitation with the five enum shapes of SEP-1330 (scenario elicitation-sep1330-enums).</summary>
[McpServerToolType]
internal sealed class ElicitationEnumsTool
{
    [McpServerTool(Name = "test_elicitation_sep1330_enums"), Description("Asks the user for a form with untitled, titled and legacy single-select enums and untitled and titled multi-select enums.")]
    public static async Task<string> ElicitationEnumsAsync(McpServer server, CancellationToken cancellationToken)
    {
        var schema = new ElicitRequestParams.RequestSchema
        {
            Properties =
            {
                ["untitledSingle"] = new ElicitRequestParams.UntitledSingleSelectEnumSchema
                {
                    Description = "Untitled single-select",
                    Enum = ["option1", "option2", "option3"],
                },
                ["titledSingle"] = new ElicitRequestParams.TitledSingleSelectEnumSchema
                {
                    Description = "Titled single-select",
                    OneOf = [Option("value1", "First Option"), Option("value2", "Second Option"), Option("value3", "Third Option")],
                },
                ["legacyEnum"] = new ElicitRequestParams.LegacyTitledEnumSchema
                {
                    Description = "Legacy titled enum (enumNames)",
                    Enum = ["opt1", "opt2", "opt3"],
                    EnumNames = ["Option One", "Option Two", "Option Three"],
                },
                ["untitledMulti"] = new ElicitRequestParams.UntitledMultiSelectEnumSchema
                {
                    Description = "Untitled multi-select",
                    Items = new ElicitRequestParams.UntitledEnumItemsSchema { Enum = ["option1", "option2", "option3"] },
                },
                ["titledMulti"] = new ElicitRequestParams.TitledMultiSelectEnumSchema
                {
                    Description = "Titled multi-select",
                    Items = new ElicitRequestParams.TitledEnumItemsSchema
                    {
                        AnyOf = [Option("value1", "First Choice"), Option("value2", "Second Choice"), Option("value3", "Third Choice")],
                    },
                },
            },
        };

        var result = await Elicitation.AskAsync(server, "Please choose from the enum fields", schema, cancellationToken);
        return $"Elicitation completed: {Elicitation.Describe(result)}";
    }

    private static ElicitRequestParams.EnumSchemaOption Option(string value, string title) => new() { Const = value, Title = title };
}
