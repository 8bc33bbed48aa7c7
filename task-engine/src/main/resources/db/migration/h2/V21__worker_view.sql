-- The workers read model (GET /api/v1/workers): one row per registered worker, with the counts of
-- the attempts it finished; and every attempt a registered worker started, with its outcome.
CREATE TABLE worker_view (
    worker_id               varchar(200) NOT NULL PRIMARY KEY,
    backend_type            varchar(100) NOT NULL,
    online                  boolean      NOT NULL,
    registered_at           timestamp(6) with time zone NOT NULL,
    updated_at              timestamp(6) with time zone NOT NULL,
    max_parallel_tasks      integer      NOT NULL,
    supported_problems_json varchar(1000000) NOT NULL,
    offline_reason          varchar(1000000),
    tasks_completed         bigint       NOT NULL,
    tasks_failed            bigint       NOT NULL
);

CREATE TABLE worker_attempt (
    task_id   uuid         NOT NULL,
    attempt   integer      NOT NULL,
    worker_id varchar(200) NOT NULL,
    outcome   varchar(16)  NOT NULL,
    PRIMARY KEY (task_id, attempt)
);
CREATE INDEX worker_attempt_worker ON worker_attempt (worker_id, outcome);
