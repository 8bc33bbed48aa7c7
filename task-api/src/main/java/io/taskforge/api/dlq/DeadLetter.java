package io.taskforge.api.dlq;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.taskforge.task.dlq.DlqEntry;

/**
 * A dead letter entry with its history one call away.
 *
 * @param attemptsUrl every attempt, with timing, error, classification and circuit state
 * @param timelineUrl every event of the task
 */
record DeadLetter(@JsonUnwrapped DlqEntry entry, String attemptsUrl, String timelineUrl) {

    static DeadLetter of(DlqEntry entry) {
        String task = "/api/v1/tasks/" + entry.taskId();
        return new DeadLetter(entry, task + "/attempts", task + "/timeline");
    }
}
