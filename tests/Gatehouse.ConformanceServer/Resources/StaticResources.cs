using System.ComponentModel;
using Gatehouse.ConformanceServer.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Resources;

/// <summary>The direct resources (scenarios resources-list, resources-read-*, resources-subscribe).</summary>
[McpServerResourceType]
internal sealed class StaticResources
{
    public const string StaticTextUri = "test://static-text";

    public const string StaticBinaryUri = "test://static-binary";

    public const string WatchedUri = "test://watched-resource";

    [McpServerResource(UriTemplate = StaticTextUri, Name = "static-text", MimeType = "text/plain")]
    [Description("A static text resource for testing.")]
    public static string StaticText() => "This is the content of the static text resource.";

    [McpServerResource(UriTemplate = StaticBinaryUri, Name = "static-binary", MimeType = TestMedia.PngMimeType)]
    [Description("A static binary resource (a 1x1 PNG) for testing.")]
    public static BlobResourceContents StaticBinary() =>
        BlobResourceContents.FromBytes(TestMedia.RedPixelPng, StaticBinaryUri, TestMedia.PngMimeType);

    [McpServerResource(UriTemplate = WatchedUri, Name = "watched-resource", MimeType = "text/plain")]
    [Description("A resource clients may subscribe to; its content never changes, so no update is ever sent.")]
    public static string Watched() => "Watched resource content.";
}
