-- The upstream session behind each agent session, by upstream name, so any replica can resume it.
ALTER TABLE gatehouse_sessions ADD COLUMN IF NOT EXISTS upstream_bindings jsonb NOT NULL DEFAULT '{}'::jsonb;
