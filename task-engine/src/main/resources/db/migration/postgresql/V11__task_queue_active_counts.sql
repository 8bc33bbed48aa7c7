-- What a claim counts against the concurrency limits, found by index instead of by reading the
-- whole queue: running rows by type, and rows a node has claimed but not started yet.
CREATE INDEX task_queue_running_type ON task_queue (type) WHERE state = 'RUNNING';
CREATE INDEX task_queue_claimed ON task_queue (claimed_until) WHERE claimed_until IS NOT NULL;
