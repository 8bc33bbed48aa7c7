-- Fallback chains as they stand now, kept by a subscribing processor in the transaction that stores
-- the chain's events: the Task aggregate matches failures against these rows, so they never lag.
CREATE TABLE fallback_chain (
    chain_id    uuid         NOT NULL PRIMARY KEY,
    name        varchar(200) NOT NULL,
    version     integer      NOT NULL,
    match_type  varchar(100),
    match_provider varchar(255),
    config_json text         NOT NULL,
    created_at  timestamp(6) with time zone NOT NULL,
    created_by  varchar(255),
    updated_at  timestamp(6) with time zone NOT NULL,
    updated_by  varchar(255),
    deleted     boolean      NOT NULL
);
CREATE INDEX fallback_chain_live ON fallback_chain (deleted, created_at);

-- The dead letter queue explains itself: how the last error was classified, the breaker, the
-- retry policy and budget, the chain the task went through, and the alert raised.
ALTER TABLE dlq_entry ADD COLUMN classification varchar(16);
ALTER TABLE dlq_entry ADD COLUMN circuit_state varchar(16);
ALTER TABLE dlq_entry ADD COLUMN retry_json text;
ALTER TABLE dlq_entry ADD COLUMN fallback_json text;
CREATE INDEX dlq_entry_redrive ON dlq_entry (status, error_type, moved_at);

-- Fallback steps in a task's attempt ledger, in the order they were applied.
CREATE TABLE task_fallback_step (
    task_id        uuid         NOT NULL,
    sequence       bigint       NOT NULL,
    chain_id       uuid         NOT NULL,
    chain_name     varchar(200) NOT NULL,
    chain_version  integer      NOT NULL,
    step_index     integer      NOT NULL,
    strategy       varchar(32)  NOT NULL,
    after_attempt  integer      NOT NULL,
    next_attempt   integer      NOT NULL,
    type           varchar(100) NOT NULL,
    provider       varchar(255),
    applied_at     timestamp(6) with time zone NOT NULL,
    PRIMARY KEY (task_id, sequence)
);
