-- What a claim counts against the concurrency limits, found by index instead of by reading the
-- whole queue: rows by state and type, and rows a node has claimed but not started yet.
CREATE INDEX task_queue_state_type ON task_queue (state, type);
CREATE INDEX task_queue_claimed ON task_queue (claimed_until);
