using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Mrtr;

/// <summary>
/// Reads the client's answers (<c>inputResponses</c>) on a retried request, by the keys of the input requests.
/// </summary>
/// <remarks>
/// A key that is absent means the question is still open (the caller asks again); a key whose value is not the
/// result its method returns (a number, <c>null</c>, an object without the required members) is a protocol error
/// (<c>-32602</c>). Keys this server did not ask for are ignored.
/// </remarks>
internal static class InputAnswers
{
    private static readonly HashSet<string> ElicitActions = new(StringComparer.Ordinal) { "accept", "decline", "cancel" };

    /// <summary>The answer to an <c>elicitation/create</c> input request, or <see langword="null"/> when there is none.</summary>
    public static ElicitResult? Elicitation<TParams>(RequestContext<TParams> context, string key)
        where TParams : RequestParams
    {
        var result = Read(context, key, InputResponse.ElicitResultJsonTypeInfo, "an ElicitResult");
        return result is null || ElicitActions.Contains(result.Action) ? result : throw Invalid(key, "an ElicitResult");
    }

    /// <summary>The answer to a <c>sampling/createMessage</c> input request, or <see langword="null"/> when there is none.</summary>
    public static CreateMessageResult? Sampling<TParams>(RequestContext<TParams> context, string key)
        where TParams : RequestParams =>
        Read(context, key, InputResponse.CreateMessageResultJsonTypeInfo, "a CreateMessageResult");

    /// <summary>The answer to a <c>roots/list</c> input request, or <see langword="null"/> when there is none.</summary>
    public static ListRootsResult? Roots<TParams>(RequestContext<TParams> context, string key)
        where TParams : RequestParams =>
        Read(context, key, InputResponse.ListRootsResultJsonTypeInfo, "a ListRootsResult");

    /// <summary>An accepted elicitation's string field, or <see langword="null"/>.</summary>
    public static string? Text(ElicitResult answer, string field) =>
        answer.IsAccepted && answer.Content is { } content && content.TryGetValue(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>The text of a sampling answer.</summary>
    public static string Text(CreateMessageResult answer) =>
        string.Concat(answer.Content.OfType<TextContentBlock>().Select(block => block.Text));

    /// <summary>
    /// The answer to <paramref name="request"/> under <paramref name="key"/> in words (an elicitation's fields, the
    /// sampled text, the roots), or <see langword="null"/> when there is none.
    /// </summary>
    public static string? Describe<TParams>(RequestContext<TParams> context, string key, InputRequest request)
        where TParams : RequestParams =>
        request.Method switch
        {
            RequestMethods.ElicitationCreate => Elicitation(context, key) is { } answer
                ? $"action={answer.Action}, content={JsonSerializer.Serialize(answer.Content ?? new Dictionary<string, JsonElement>())}"
                : null,
            RequestMethods.SamplingCreateMessage => Sampling(context, key) is { } answer ? Text(answer) : null,
            RequestMethods.RootsList => Roots(context, key) is { } answer ? Describe(answer) : null,
            _ => null,
        };

    /// <summary>The roots, one <c>uri (name)</c> each.</summary>
    public static string Describe(ListRootsResult answer) =>
        answer.Roots.Count == 0
            ? "no roots"
            : string.Join(", ", answer.Roots.Select(root => root.Name is null ? root.Uri : $"{root.Uri} ({root.Name})"));

    private static TResult? Read<TParams, TResult>(RequestContext<TParams> context, string key, JsonTypeInfo<TResult> typeInfo, string expected)
        where TParams : RequestParams
        where TResult : class
    {
        if (context.Params?.InputResponses is not { } responses || !responses.TryGetValue(key, out var response))
        {
            return null;
        }

        if (response is null || response.RawValue.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(key, expected);
        }

        try
        {
            return response.Deserialize(typeInfo) ?? throw Invalid(key, expected);
        }
        catch (JsonException)
        {
            throw Invalid(key, expected);
        }
    }

    private static McpProtocolException Invalid(string key, string expected) =>
        new($"inputResponses['{key}'] is not {expected}.", McpErrorCode.InvalidParams);
}
