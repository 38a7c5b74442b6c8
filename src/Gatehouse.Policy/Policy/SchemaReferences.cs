using Json.Schema;
using Json.Schema.Keywords;

namespace Gatehouse.Policy;

/// <summary>Finds <c>$ref</c>s a built schema could not resolve.</summary>
/// <remarks>The schema library builds such a schema without complaint and throws only when a call's arguments
/// reach the reference; a policy must fail when it is loaded instead.</remarks>
internal static class SchemaReferences
{
    public static IEnumerable<string> Unresolved(JsonSchemaNode node)
    {
        foreach (var keyword in node.Keywords ?? [])
        {
            if (keyword.Handler is RefKeyword)
            {
                // A resolved reference holds its target; targets are checked where they are defined, not here.
                if (keyword.Subschemas is not { Length: > 0 })
                {
                    yield return keyword.RawValue.ToString();
                }

                continue;
            }

            foreach (var unresolved in (keyword.Subschemas ?? []).SelectMany(Unresolved))
            {
                yield return unresolved;
            }
        }
    }
}
