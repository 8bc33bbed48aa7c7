package io.taskforge.engine.deadletters;

import java.time.Instant;

/**
 * One parked event.
 *
 * @param eventType the event's class, such as {@code TaskCreatedEvent}
 * @param sequenceNumber its position in the task's stream, from 0
 * @param lastTouched when it was parked or last retried
 * @param causeType the failure's class; null for an event parked only because an earlier event of
 *     its task is parked
 */
public record ParkedEvent(
        String eventType,
        Long sequenceNumber,
        Instant enqueuedAt,
        Instant lastTouched,
        String causeType,
        String causeMessage) {}
