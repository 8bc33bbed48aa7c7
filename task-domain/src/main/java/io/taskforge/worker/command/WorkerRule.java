package io.taskforge.worker.command;

/** The rules a worker command can break; the API maps each to an HTTP status. */
public enum WorkerRule {
    /** The worker is offline already. */
    ALREADY_OFFLINE,
    /** A value in the command is out of range. */
    INVALID_VALUE
}
