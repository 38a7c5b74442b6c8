-- The note an operator may write with a decision (shown in the console; told to the agent on a denial).
ALTER TABLE gatehouse_approvals ADD COLUMN IF NOT EXISTS note text NULL;
