-- Which task an idempotency key created; kept in the transaction that stores the task's creation.
CREATE TABLE task_idempotency_key (
    idempotency_key varchar(200) NOT NULL PRIMARY KEY,
    task_id         uuid         NOT NULL,
    created_at      timestamp(6) with time zone NOT NULL
);
