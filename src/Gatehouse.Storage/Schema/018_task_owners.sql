-- Who created each upstream task through Gatehouse (2025-11-25 tasks, the 2026-07-28 tasks extension), until it expires.
CREATE TABLE IF NOT EXISTS gatehouse_task_owners
(
    task_key   text        PRIMARY KEY,
    owner      jsonb       NOT NULL,
    expires_at timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS gatehouse_task_owners_expires_at ON gatehouse_task_owners (expires_at);
