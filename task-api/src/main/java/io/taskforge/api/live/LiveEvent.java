package io.taskforge.api.live;

import org.axonframework.eventhandling.TrackingToken;

/**
 * A task event ready to send: what topics filter on, and the message's JSON without its topic and
 * cursor, written once however many connections send it.
 *
 * @param owner the task's owner, type and status as the task view shows them; null when the view
 *     does not have the task
 * @param fields the message's fields after {@code kind}, {@code topic} and {@code cursor}, as JSON
 *     members without the enclosing braces
 */
record LiveEvent(
        String taskId, String name, TrackingToken token, String owner, String type, String status, String fields) {}
