package io.taskforge.task;

import java.util.Locale;

/** Why an alert was raised. */
public enum AlertSource {
    /** The task reached the dead letter queue. */
    DEAD_LETTER,
    /** A fallback chain's escalate step handed the task to a person. */
    ESCALATION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
