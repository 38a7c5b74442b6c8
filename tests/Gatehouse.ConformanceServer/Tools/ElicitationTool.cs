using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>A tool that asks the user for a name and an email (scenario tools-call-elicitation).</summary>
[McpServerToolType]
internal sealed class ElicitationTool
{
    [McpServerTool(Name = "test_elicitation"), Description("Asks the user, through elicitation/create, for a username and an email, and returns the answer.")]
    public static async Task<string> ElicitationAsync(
        McpServer server,
        [Description("The message to show the user.")] string message,
        CancellationToken cancellationToken)
    {
        var schema = new ElicitRequestParams.RequestSchema
        {
            Properties =
            {
                ["username"] = new ElicitRequestParams.StringSchema { Description = "User's response" },
                ["email"] = new ElicitRequestParams.StringSchema { Description = "User's email address" },
            },
            Required = ["username", "email"],
        };

        var result = await Elicitation.AskAsync(server, message, schema, cancellationToken);
        return $"User response: {Elicitation.Describe(result)}";
    }
}
