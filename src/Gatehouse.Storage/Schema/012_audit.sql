-- The audit log: one row per tools/call decision, appended in batches by each replica.
-- Argument values are kept only when the policy asks (arguments_json); otherwise only their names
-- and the SHA-256 of their canonical JSON. arguments_json is text, stored as recorded: cast it with
-- arguments_json::jsonb to query into it.
CREATE TABLE IF NOT EXISTS gatehouse_audit
(
    id                  bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at                  timestamptz      NOT NULL,
    grant_id            text             NOT NULL,
    upstream            text             NOT NULL,
    tool                text             NOT NULL,
    action              text             NOT NULL,
    rule_pointer        text             NOT NULL,
    policy_version      text             NOT NULL,
    argument_names      text[]           NOT NULL,
    arguments_sha256    text             NOT NULL,
    arguments_json      text             NULL,
    upstream_status     integer          NULL,
    upstream_latency_ms double precision NULL,
    trace_id            text             NULL,
    session_id          text             NULL,
    replica             text             NOT NULL
);

-- /admin/audit reads newest first, optionally by grant, tool or action, and by time range.
CREATE INDEX IF NOT EXISTS gatehouse_audit_at ON gatehouse_audit (at DESC, id DESC);
CREATE INDEX IF NOT EXISTS gatehouse_audit_grant_at ON gatehouse_audit (grant_id, at DESC, id DESC);
CREATE INDEX IF NOT EXISTS gatehouse_audit_tool_at ON gatehouse_audit (tool, at DESC, id DESC);
CREATE INDEX IF NOT EXISTS gatehouse_audit_action_at ON gatehouse_audit (action, at DESC, id DESC);
