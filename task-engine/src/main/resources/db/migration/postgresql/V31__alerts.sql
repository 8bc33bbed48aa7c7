-- Alerts as people see them (a read model, rebuilt by replay) and acknowledge them.
CREATE TABLE task_alert (
    alert_id        uuid         NOT NULL PRIMARY KEY,
    task_id         uuid         NOT NULL,
    severity        varchar(16)  NOT NULL,
    source          varchar(32)  NOT NULL,
    type            varchar(100) NOT NULL,
    provider        varchar(255),
    error_type      varchar(255),
    error_message   text,
    reason          text         NOT NULL,
    raised_at       timestamp(6) with time zone NOT NULL,
    acknowledged_at timestamp(6) with time zone,
    acknowledged_by varchar(255),
    note            text
);
CREATE INDEX task_alert_recent ON task_alert (raised_at DESC, alert_id);

-- Alerts still to deliver, written in the transaction that raises them: delivery survives a
-- restart, and a slow or failing webhook never holds up the engine.
CREATE TABLE alert_outbox (
    alert_id        uuid         NOT NULL PRIMARY KEY,
    payload_json    text         NOT NULL,
    created_at      timestamp(6) with time zone NOT NULL,
    next_attempt_at timestamp(6) with time zone NOT NULL,
    attempts        integer      NOT NULL,
    rounds          integer      NOT NULL,
    last_error      text,
    delivered_at    timestamp(6) with time zone
);
CREATE INDEX alert_outbox_due ON alert_outbox (next_attempt_at) WHERE delivered_at IS NULL;
