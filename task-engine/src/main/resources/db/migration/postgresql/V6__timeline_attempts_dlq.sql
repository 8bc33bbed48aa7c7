-- Read models of the seed 003 endpoints: every event of a task, its attempts, and the DLQ.

CREATE TABLE task_timeline (
    task_id     uuid        NOT NULL,
    sequence    bigint      NOT NULL,
    type        varchar(64) NOT NULL,
    severity    varchar(16) NOT NULL,
    occurred_at timestamp(6) with time zone NOT NULL,
    data_json   text        NOT NULL,
    PRIMARY KEY (task_id, sequence)
);

CREATE TABLE task_attempt (
    task_id        uuid         NOT NULL,
    attempt        integer      NOT NULL,
    worker_id      varchar(255),
    started_at     timestamp(6) with time zone NOT NULL,
    deadline       timestamp(6) with time zone,
    ended_at       timestamp(6) with time zone,
    duration_ms    bigint,
    outcome        varchar(16)  NOT NULL,
    error_type     varchar(255),
    error_message  text,
    http_status    integer,
    classification varchar(16),
    circuit_state  varchar(16),
    PRIMARY KEY (task_id, attempt)
);

CREATE TABLE dlq_entry (
    task_id        uuid         NOT NULL PRIMARY KEY,
    type           varchar(100) NOT NULL,
    provider       varchar(255),
    error_type     varchar(255),
    error_message  text,
    http_status    integer,
    attempts       integer      NOT NULL,
    reason         text         NOT NULL,
    alert_severity varchar(16)  NOT NULL,
    status         varchar(16)  NOT NULL,
    moved_at       timestamp(6) with time zone NOT NULL,
    retried_at     timestamp(6) with time zone,
    retried_by     varchar(255)
);
CREATE INDEX dlq_entry_recent ON dlq_entry (status, moved_at DESC);
