namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>Policy documents the end-to-end tests put in front of their upstreams.</summary>
internal static class Policies
{
    public const string AllowAll = """{ "version": "1", "default": "allow" }""";

    /// <summary>For the C# test upstream: a denied tool, an argument schema, argument conditions.</summary>
    public const string Main = """
        {
          "version": "7",
          "default": "allow",
          "tools": {
            "get-secret": { "action": "deny", "reason": "exposes server secrets" },
            "annotated-destroy": { "action": "hide" },
            "echo": { "arguments": { "type": "object", "properties": { "message": { "type": "string", "maxLength": 20 } } } },
            "transfer": {
              "require": ["amount", "to"],
              "deny_if": [ { "arg": "to", "in": ["acct-000"], "reason": "frozen account" } ]
            }
          }
        }
        """;

    /// <summary>Rate limits (fixed windows that last the run): 10 on <c>add</c>; <c>echo</c> and <c>annotated-read</c> share one budget of 3.</summary>
    public static readonly string Limited = $$"""
        {
          "version": "1",
          "default": "allow",
          "tools": {
            "add": { "limits": [ { "counter": "adds", "window": {{SteadyWindow.Json}}, "max": 10, "scope": "grant" } ] },
            "echo": { "limits": [ { "counter": "shared", "window": {{SteadyWindow.Json}}, "max": 3, "scope": "grant" } ] },
            "annotated-read": { "limits": [ { "counter": "shared", "window": {{SteadyWindow.Json}}, "max": 3, "scope": "grant" } ] }
          }
        }
        """;

    /// <summary>Scopes: <c>echo</c> 2 per session, <c>add</c> 2 per grant.</summary>
    public static readonly string Scoped = $$"""
        {
          "version": "1",
          "default": "allow",
          "tools": {
            "echo": { "limits": [ { "counter": "per_session", "window": {{SteadyWindow.Json}}, "max": 2, "scope": "session" } ] },
            "add": { "limits": [ { "counter": "per_grant", "window": {{SteadyWindow.Json}}, "max": 2, "scope": "grant" } ] }
          }
        }
        """;

    /// <summary>For <c>@modelcontextprotocol/server-everything</c>.</summary>
    public const string Everything = """
        {
          "version": "3",
          "default": "allow",
          "tools": { "get-env": { "action": "deny", "reason": "exposes server secrets" } }
        }
        """;

    /// <summary>For <c>@modelcontextprotocol/server-filesystem</c>: its own annotations decide the tools the policy does not name.</summary>
    public const string Files = """
        {
          "version": "1",
          "default": "allow",
          "risk_defaults": { "high": { "action": "deny", "reason": "destructive file tools need a rule of their own" } },
          "tools": { "edit_file": { "action": "allow" } }
        }
        """;
}
