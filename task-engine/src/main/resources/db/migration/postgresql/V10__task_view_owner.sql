-- A key that acts for one owner lists only that owner's tasks, newest first.
CREATE INDEX task_view_owner_recent ON task_view (owner, created_at DESC, task_id DESC)
    WHERE NOT archived AND owner IS NOT NULL;
