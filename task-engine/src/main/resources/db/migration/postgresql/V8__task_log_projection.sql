-- The engine's own lines in a task's log are kept by the task-log projection from the task's
-- events: each carries its event's sequence number, so that a replay writes every line once.
-- Lines written by handlers have none, and lines about the whole task no attempt.
ALTER TABLE task_log ALTER COLUMN attempt DROP NOT NULL;
ALTER TABLE task_log ADD COLUMN event_sequence bigint;
CREATE UNIQUE INDEX task_log_event ON task_log (task_id, event_sequence);
-- the log reads in time order: lines of a projection that trails its events by a moment, and of
-- handlers that write while it catches up, interleave by when they happened
CREATE INDEX task_log_time ON task_log (task_id, logged_at, id);
DROP INDEX task_log_task;
