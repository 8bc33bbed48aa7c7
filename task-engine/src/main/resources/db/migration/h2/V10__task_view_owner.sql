-- A key that acts for one owner lists only that owner's tasks, newest first. H2 has no partial
-- indexes, so it covers every row.
CREATE INDEX task_view_owner_recent ON task_view (owner, created_at DESC, task_id DESC);
