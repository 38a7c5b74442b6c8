using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>Elicitation whose every primitive field has a default (SEP-1034; scenario elicitation-sep1034-defaults).</summary>
[McpServerToolType]
internal sealed class ElicitationDefaultsTool
{
    [McpServerTool(Name = "test_elicitation_sep1034_defaults"), Description("Asks the user for a form whose string, integer, number, enum and boolean fields all carry defaults.")]
    public static async Task<string> ElicitationDefaultsAsync(McpServer server, CancellationToken cancellationToken)
    {
        var schema = new ElicitRequestParams.RequestSchema
        {
            Properties =
            {
                ["name"] = new ElicitRequestParams.StringSchema { Description = "User name", Default = "John Doe" },
                ["age"] = new ElicitRequestParams.NumberSchema { Type = "integer", Description = "User age", Default = 30 },
                ["score"] = new ElicitRequestParams.NumberSchema { Description = "User score", Default = 95.5 },
                ["status"] = new ElicitRequestParams.UntitledSingleSelectEnumSchema
                {
                    Description = "User status",
                    Enum = ["active", "inactive", "pending"],
                    Default = "active",
                },
                ["verified"] = new ElicitRequestParams.BooleanSchema { Description = "Verification status", Default = true },
            },
        };

        var result = await Elicitation.AskAsync(server, "Please review and update the form fields with defaults", schema, cancellationToken);
        return $"Elicitation completed: {Elicitation.Describe(result)}";
    }
}
