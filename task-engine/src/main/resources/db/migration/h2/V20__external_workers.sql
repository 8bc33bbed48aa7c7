-- External workers take tasks by problem id (seed 002) or by type: the queue keeps the problem id.
ALTER TABLE task_queue ADD COLUMN problem_id varchar(200);

-- One row per registered worker: whether it is online (kept from its events in the transaction
-- that stores them) and when it was last heard of (written by its heartbeats, never an event).
CREATE TABLE worker_liveness (
    worker_id          varchar(200) NOT NULL PRIMARY KEY,
    online             boolean      NOT NULL,
    registered_at      timestamp(6) with time zone NOT NULL,
    last_heartbeat     timestamp(6) with time zone NOT NULL,
    max_parallel_tasks integer      NOT NULL,
    supported_problems varchar(1000000) NOT NULL
);
CREATE INDEX worker_liveness_online ON worker_liveness (last_heartbeat);
