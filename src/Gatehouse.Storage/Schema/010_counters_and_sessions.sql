-- Gatehouse's own state: durable counter windows and agent sessions.

-- One row per counter key ({scope}/{upstream}/{counter}). "version" is the fencing token: every save
-- is a compare-and-set on it, so two activations of one counter cannot both keep deciding.
CREATE TABLE IF NOT EXISTS gatehouse_counters
(
    counter_key text        NOT NULL PRIMARY KEY,
    state       jsonb       NOT NULL,
    version     bigint      NOT NULL CHECK (version > 0),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per open agent session (Mcp-Session-Id), so any replica can serve it.
CREATE TABLE IF NOT EXISTS gatehouse_sessions
(
    session_id        text        NOT NULL PRIMARY KEY,
    grant_id          text        NOT NULL,
    route             text        NOT NULL,
    initialize_params jsonb       NOT NULL,
    opened_at         timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS gatehouse_sessions_opened_at ON gatehouse_sessions (opened_at);
