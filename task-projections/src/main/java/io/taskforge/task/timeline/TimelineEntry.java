package io.taskforge.task.timeline;

import java.time.Instant;
import java.util.Map;

/**
 * One event on a task's timeline.
 *
 * @param sequence the event's position in the task's stream, from 0
 * @param type the event's name in snake case, such as {@code attempt_failed}
 * @param severity {@code info}, {@code warning}, {@code error} or {@code critical}
 * @param data the event's facts
 */
public record TimelineEntry(long sequence, String type, String severity, Instant timestamp, Map<String, Object> data) {}
