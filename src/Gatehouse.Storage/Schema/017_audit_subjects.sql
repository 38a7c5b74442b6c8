-- Who the call was for when the agent presented an OAuth access token: the token's subject and client.
ALTER TABLE gatehouse_audit ADD COLUMN IF NOT EXISTS subject text NULL;
ALTER TABLE gatehouse_audit ADD COLUMN IF NOT EXISTS client_id text NULL;
