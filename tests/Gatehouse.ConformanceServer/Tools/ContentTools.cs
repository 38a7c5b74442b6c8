using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Tools;

/// <summary>Tools that return each kind of content block (scenarios tools-call-simple-text … tools-call-mixed-content).</summary>
[McpServerToolType]
internal sealed class ContentTools
{
    [McpServerTool(Name = "test_simple_text"), Description("Returns one text content block.")]
    public static string SimpleText() => "This is a simple text response for testing.";

    [McpServerTool(Name = "test_image_content"), Description("Returns one image content block: a 1x1 red PNG.")]
    public static ImageContentBlock ImageContent() => ImageContentBlock.FromBytes(TestMedia.RedPixelPng, TestMedia.PngMimeType);

    [McpServerTool(Name = "test_audio_content"), Description("Returns one audio content block: a short silent WAV.")]
    public static AudioContentBlock AudioContent() => AudioContentBlock.FromBytes(TestMedia.SilentWav, TestMedia.WavMimeType);

    [McpServerTool(Name = "test_embedded_resource"), Description("Returns one embedded text resource.")]
    public static EmbeddedResourceBlock EmbeddedResource() => new()
    {
        Resource = new TextResourceContents
        {
            Uri = "test://embedded-resource",
            MimeType = "text/plain",
            Text = "This is an embedded resource content.",
        },
    };

    [McpServerTool(Name = "test_multiple_content_types"), Description("Returns text, image and embedded resource content together.")]
    public static IEnumerable<ContentBlock> MultipleContentTypes() =>
    [
        new TextContentBlock { Text = "Multiple content types test:" },
        ImageContentBlock.FromBytes(TestMedia.RedPixelPng, TestMedia.PngMimeType),
        new EmbeddedResourceBlock
        {
            Resource = new TextResourceContents
            {
                Uri = "test://mixed-content-resource",
                MimeType = "application/json",
                Text = """{"test":"data","value":123}""",
            },
        },
    ];
}
