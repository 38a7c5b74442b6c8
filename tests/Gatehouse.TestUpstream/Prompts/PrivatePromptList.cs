using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Prompts;

/// <summary>
/// Marks every <c>prompts/list</c> result private with a time to live (<c>cacheScope: "private"</c>,
/// <c>ttlMs: 60000</c>), as an upstream whose prompts depend on who asks would, so a gateway can be seen
/// to pass the caching hints of 2026-07-28 on. The other lists carry none.
/// </summary>
internal static class PrivatePromptList
{
    /// <summary>The <c>ttlMs</c> of every prompt list.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(1);

    public static McpRequestHandler<ListPromptsRequestParams, ListPromptsResult> Filter(McpRequestHandler<ListPromptsRequestParams, ListPromptsResult> next) =>
        async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken);
            result.CacheScope = CacheScope.Private;
            result.TimeToLive = TimeToLive;
            return result;
        };
}
