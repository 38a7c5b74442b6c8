using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Subscriptions;

/// <summary>
/// One tool list and one prompt list for the whole process, so that a change made in one request is seen by all.
/// </summary>
/// <remarks>
/// The SDK builds a new <see cref="McpServerOptions"/>, tool and prompt collections included, for every request it
/// serves statelessly (2026-07-28); a change to those would be lost with the request. <see cref="Share"/> gives every
/// options instance the same two collections instead: 2025 sessions get the SDK's <c>*/list_changed</c> when they
/// change, 2026-07-28 <c>subscriptions/listen</c> streams get <see cref="ListenHandler"/>'s.
/// </remarks>
internal sealed class SharedPrimitiveLists
{
    private McpServerPrimitiveCollection<McpServerTool>? _tools;

    private McpServerPrimitiveCollection<McpServerPrompt>? _prompts;

    /// <summary>
    /// Puts the shared collections into <paramref name="options"/>; the first options instance's collections become
    /// the shared ones. The SDK's own setup adds the registered tools and prompts to whichever collection the options
    /// hold, before or after this runs.
    /// </summary>
    public void Share(McpServerOptions options)
    {
        options.ToolCollection = LazyInitializer.EnsureInitialized(ref _tools, () => options.ToolCollection ?? []);
        options.PromptCollection = LazyInitializer.EnsureInitialized(ref _prompts, () => options.PromptCollection ?? []);
    }
}
