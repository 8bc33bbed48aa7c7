-- Task counts kept by the task-counts projection: one row per counter, and each task's current
-- status so a transition knows which counters it moves.
CREATE TABLE task_count (
    counter varchar(32) NOT NULL PRIMARY KEY,
    tasks   bigint      NOT NULL
);
INSERT INTO task_count (counter, tasks) VALUES
    ('CREATED', 0), ('ARCHIVED', 0), ('IN_DLQ', 0), ('PENDING', 0), ('RUNNING', 0),
    ('RETRY_SCHEDULED', 0), ('COMPLETED', 0), ('FAILED', 0), ('TIMEOUT', 0), ('CANCELLED', 0),
    ('COMPLETED_MS', 0), ('COMPLETED_RUNS', 0);

CREATE TABLE task_count_state (
    task_id  uuid        NOT NULL PRIMARY KEY,
    status   varchar(32) NOT NULL,
    in_dlq   boolean     NOT NULL,
    archived boolean     NOT NULL
);
