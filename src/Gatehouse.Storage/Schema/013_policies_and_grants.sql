-- The policy in force per upstream (the admin API and file changes adopt new revisions), and the grants
-- made through the admin API (only the token's SHA-256 is kept).
CREATE TABLE IF NOT EXISTS gatehouse_policies
(
    upstream         text        NOT NULL PRIMARY KEY,
    document         text        NOT NULL,
    revision         bigint      NOT NULL,
    source           text        NOT NULL,
    content_sha256   text        NOT NULL,
    last_file_sha256 text        NULL,
    changed_at       timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS gatehouse_grants
(
    grant_id     text        NOT NULL PRIMARY KEY,
    token_sha256 text        NOT NULL UNIQUE,
    upstreams    text[]      NOT NULL,
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz NULL
);
