namespace Gatehouse.ConformanceServer.Tools;

/// <summary>The smallest valid media the content scenarios ask for.</summary>
internal static class TestMedia
{
    public const string PngMimeType = "image/png";

    public const string WavMimeType = "audio/wav";

    /// <summary>A 1×1 red PNG.</summary>
    public static ReadOnlyMemory<byte> RedPixelPng { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");

    /// <summary>One millisecond of silence: 8 kHz, mono, 16-bit PCM.</summary>
    public static ReadOnlyMemory<byte> SilentWav { get; } = Convert.FromBase64String(
        "UklGRjQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YRAAAAAAAAAAAAAAAAAAAAAAAAAA");
}
