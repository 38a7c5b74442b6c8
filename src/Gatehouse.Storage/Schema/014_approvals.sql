-- Calls held for a human decision, keyed by the digest of the exact call, so a pending one outlives
-- the replica that received it.
CREATE TABLE IF NOT EXISTS gatehouse_approvals
(
    approval_id  text        NOT NULL PRIMARY KEY,
    ticket       bigint      NOT NULL,
    state        text        NOT NULL,
    request      jsonb       NOT NULL,
    requested_at timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    decided_at   timestamptz NULL,
    decided_by   text        NULL
);

CREATE INDEX IF NOT EXISTS gatehouse_approvals_pending ON gatehouse_approvals (state) WHERE state = 'Pending';
