using System.ComponentModel;
using Gatehouse.ConformanceServer.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Prompts;

/// <summary>The prompts of the scenarios prompts-list and prompts-get-*.</summary>
[McpServerPromptType]
internal sealed class ConformancePrompts
{
    [McpServerPrompt(Name = "test_simple_prompt"), Description("A simple prompt without arguments.")]
    public static PromptMessage SimplePrompt() => UserText("This is a simple prompt for testing.");

    [McpServerPrompt(Name = "test_prompt_with_arguments"), Description("A prompt whose text carries its two arguments.")]
    public static PromptMessage PromptWithArguments(
        [Description("First test argument.")] string arg1,
        [Description("Second test argument.")] string arg2) =>
        UserText($"Prompt with arguments: arg1='{arg1}', arg2='{arg2}'");

    [McpServerPrompt(Name = "test_prompt_with_embedded_resource"), Description("A prompt that embeds a resource.")]
    public static IEnumerable<PromptMessage> PromptWithEmbeddedResource(
        [Description("URI of the resource to embed.")] string resourceUri) =>
    [
        new PromptMessage
        {
            Role = Role.User,
            Content = new EmbeddedResourceBlock
            {
                Resource = new TextResourceContents
                {
                    Uri = resourceUri,
                    MimeType = "text/plain",
                    Text = "Embedded resource content for testing.",
                },
            },
        },
        UserText("Please process the embedded resource above."),
    ];

    [McpServerPrompt(Name = "test_prompt_with_image"), Description("A prompt that carries an image.")]
    public static IEnumerable<PromptMessage> PromptWithImage() =>
    [
        new PromptMessage { Role = Role.User, Content = ImageContentBlock.FromBytes(TestMedia.RedPixelPng, TestMedia.PngMimeType) },
        UserText("Please analyze the image above."),
    ];

    private static PromptMessage UserText(string text) => new() { Role = Role.User, Content = new TextContentBlock { Text = text } };
}
