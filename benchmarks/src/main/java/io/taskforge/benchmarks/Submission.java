package io.taskforge.benchmarks;

import java.time.Instant;

/**
 * One single-task submit as the client saw it.
 *
 * @param taskId the id the engine answered with; null when it did not accept the task
 * @param sentAt wall-clock instant just before the request was sent (compared with the engine's event times)
 * @param sentNanos {@link System#nanoTime()} at the same moment, for rates
 * @param answerNanos from sending to the whole answer received
 * @param status the HTTP status, 0 when the request failed without one
 */
record Submission(String taskId, Instant sentAt, long sentNanos, long answerNanos, int status) {

    boolean accepted() {
        return taskId != null;
    }

    /** 202: the engine stored the task but its view lagged too long to answer with it. */
    boolean answeredBeforeView() {
        return status == 202;
    }
}
