using Gatehouse.ConformanceServer.Requests;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Mrtr;

/// <summary>
/// How this server's tools and prompts ask the client for input on the 2026-07-28 revision (SEP-2322, multi-round-trip
/// requests): they throw what <see cref="Ask{TParams}(RequestContext{TParams}, IDictionary{string, InputRequest}, string?)"/> returns, the SDK answers with an input-required result, and the
/// client calls again with <c>inputResponses</c> under the same keys (and the <c>requestState</c>, unchanged).
/// </summary>
internal static class InputRequired
{
    /// <summary>An <c>elicitation/create</c> input request for a form of one required field.</summary>
    public static InputRequest Elicit(string message, string field, ElicitRequestParams.PrimitiveSchemaDefinition schema) =>
        InputRequest.ForElicitation(new ElicitRequestParams
        {
            Message = message,
            RequestedSchema = new ElicitRequestParams.RequestSchema { Properties = { [field] = schema }, Required = [field] },
        });

    /// <summary>A <c>sampling/createMessage</c> input request with one user message.</summary>
    public static InputRequest Sample(string prompt, int maxTokens) =>
        InputRequest.ForSampling(new CreateMessageRequestParams
        {
            Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = prompt }] }],
            MaxTokens = maxTokens,
        });

    /// <summary>A <c>roots/list</c> input request.</summary>
    public static InputRequest ListRoots() => InputRequest.ForRootsList(new ListRootsRequestParams());

    /// <summary>
    /// What to throw to ask the client for <paramref name="requests"/>: an <see cref="InputRequiredException"/>, or,
    /// when the client did not declare a capability one of them needs, a
    /// <see cref="MissingRequiredClientCapabilityException"/> (<c>-32021</c>, <c>data.requiredCapabilities</c> naming
    /// each missing capability) — a server must not rely on capabilities the client has not declared.
    /// </summary>
    /// <remarks>
    /// On a 2025 session (stateful) the SDK turns the input-required result into <c>elicitation/create</c>,
    /// <c>sampling/createMessage</c> and <c>roots/list</c> requests and calls the handler again with the answers.
    /// </remarks>
    public static Exception Ask<TParams>(
        RequestContext<TParams> context, IDictionary<string, InputRequest> requests, string? requestState = null)
    {
        if (Missing(ClientRequest.Capabilities(context), requests.Values) is { } missing)
        {
            return new MissingRequiredClientCapabilityException(missing);
        }

        if (!context.Server.IsMrtrSupported)
        {
            return new McpException(
                "This needs the client's input: call it on the 2026-07-28 revision, or on a 2025 revision with a session.");
        }

        return new InputRequiredException(requests, requestState);
    }

    /// <summary>One question, under <paramref name="key"/>: see the overload that asks several.</summary>
    public static Exception Ask<TParams>(RequestContext<TParams> context, string key, InputRequest request, string? requestState = null) =>
        Ask(context, new Dictionary<string, InputRequest>(StringComparer.Ordinal) { [key] = request }, requestState);

    /// <summary>The capabilities among those <paramref name="requests"/> need that <paramref name="declared"/> lacks, or <see langword="null"/>.</summary>
    private static ClientCapabilities? Missing(ClientCapabilities declared, IEnumerable<InputRequest> requests)
    {
        var missing = new ClientCapabilities();
        var any = false;
        foreach (var method in requests.Select(request => request.Method).Distinct(StringComparer.Ordinal))
        {
            switch (method)
            {
                case RequestMethods.ElicitationCreate when declared.Elicitation is null:
                    missing.Elicitation = new ElicitationCapability();
                    any = true;
                    break;
                case RequestMethods.SamplingCreateMessage when declared.Sampling is null:
                    missing.Sampling = new SamplingCapability();
                    any = true;
                    break;
                case RequestMethods.RootsList when declared.Roots is null:
                    missing.Roots = new RootsCapability();
                    any = true;
                    break;
            }
        }

        return any ? missing : null;
    }
}
