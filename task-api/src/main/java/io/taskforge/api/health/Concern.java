package io.taskforge.api.health;

/** What a health finding is about. Each health endpoint reports on the concerns its contract names. */
public enum Concern {
    /** The database does not answer, or answers slowly. */
    DATABASE,
    /** The task counters cannot be read. */
    TASK_COUNTS,
    /** An event processor stopped or keeps failing, so its read model falls behind. */
    EVENT_PROCESSORS,
    /** A read model parked events it could not apply: those tasks' views are stale until they are retried. */
    PARKED_EVENTS,
    /** Failed tasks wait in the dead letter queue for a person. */
    DEAD_LETTERS,
    /** Work is not moving: nothing runs a type, or a running attempt is frozen or lost its runner. */
    STALLS,
    /** A provider's circuit breaker is not closed. */
    CIRCUIT_BREAKERS
}
