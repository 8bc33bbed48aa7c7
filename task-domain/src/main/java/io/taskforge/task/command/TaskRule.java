package io.taskforge.task.command;

/** The rules a command can break; the API maps each to an HTTP status. */
public enum TaskRule {
    /** The attempt is already running. */
    ALREADY_RUNNING,
    /** The task has finished; it cannot be started, cancelled or changed. */
    ALREADY_FINISHED,
    /** The command speaks of an attempt other than the current one. */
    STALE_ATTEMPT,
    /** The command needs a running attempt and there is none. */
    NOT_RUNNING,
    /** A retry was asked for before its due time. */
    RETRY_NOT_DUE,
    /** Only failed, timed-out or cancelled tasks can be requeued. */
    NOT_REQUEUEABLE,
    /** Only finished tasks can be archived. */
    NOT_FINISHED,
    /** The task is archived and takes no further commands. */
    ARCHIVED,
    /** A value in the command is out of range. */
    INVALID_VALUE,
    /** The task raised no alert with this id. */
    UNKNOWN_ALERT,
    /** The alert was acknowledged before. */
    ALERT_ALREADY_ACKNOWLEDGED
}
