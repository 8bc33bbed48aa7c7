-- See the PostgreSQL migration of the same version.
ALTER TABLE task_log ALTER COLUMN attempt SET NULL;
ALTER TABLE task_log ADD COLUMN event_sequence bigint;
CREATE UNIQUE INDEX task_log_event ON task_log (task_id, event_sequence);
CREATE INDEX task_log_time ON task_log (task_id, logged_at, id);
DROP INDEX task_log_task;
