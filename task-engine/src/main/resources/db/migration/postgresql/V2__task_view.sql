-- The task view: one row per task with its current state (task-view projection).

CREATE TABLE task_view (
    task_id          uuid         NOT NULL PRIMARY KEY,
    type             varchar(100) NOT NULL,
    category         varchar(32)  NOT NULL,
    description      text,
    status           varchar(32)  NOT NULL,
    in_dlq           boolean      NOT NULL,
    archived         boolean      NOT NULL,
    priority         integer      NOT NULL,
    provider         varchar(255),
    owner            varchar(255),
    created_by       varchar(255),
    problem_id       varchar(255),
    input_json       text,
    metadata_json    text,
    progress         integer      NOT NULL,
    progress_message text,
    result_json      text,
    error_type       varchar(255),
    error_message    text,
    worker_id        varchar(255),
    attempts         integer      NOT NULL,
    max_attempts     integer      NOT NULL,
    timeout_seconds  bigint       NOT NULL,
    next_retry_at    timestamp(6) with time zone,
    created_at       timestamp(6) with time zone NOT NULL,
    updated_at       timestamp(6) with time zone NOT NULL,
    started_at       timestamp(6) with time zone,
    completed_at     timestamp(6) with time zone,
    finished_at      timestamp(6) with time zone
);

-- Lists page newest first, optionally by status, type, problem or worker, and skip archived rows.
CREATE INDEX task_view_recent ON task_view (created_at DESC, task_id DESC) WHERE NOT archived;
CREATE INDEX task_view_status_recent ON task_view (status, created_at DESC, task_id DESC);
CREATE INDEX task_view_type_recent ON task_view (type, created_at DESC);
CREATE INDEX task_view_problem ON task_view (problem_id) WHERE problem_id IS NOT NULL;
CREATE INDEX task_view_worker ON task_view (worker_id) WHERE worker_id IS NOT NULL;
