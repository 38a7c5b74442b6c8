-- Pinned tool definitions per upstream (the rug-pull defence), and a changed definition awaiting acceptance.
CREATE TABLE IF NOT EXISTS gatehouse_tool_pins
(
    upstream           text        NOT NULL,
    tool               text        NOT NULL,
    pinned_sha256      text        NOT NULL,
    pinned_definition  text        NOT NULL,
    pinned_at          timestamptz NOT NULL,
    pending_sha256     text        NULL,
    pending_definition text        NULL,
    changed_at         timestamptz NULL,
    PRIMARY KEY (upstream, tool)
);
