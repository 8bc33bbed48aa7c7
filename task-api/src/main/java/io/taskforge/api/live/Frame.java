package io.taskforge.api.live;

/**
 * One message to a live client, already written as JSON.
 *
 * @param name what the message is about: the event's timeline name for a task event ({@code
 *     attempt_failed}), or the control message's kind ({@code subscribed}, {@code resync}, {@code
 *     heartbeat}); the SSE event name
 * @param cursor where a client that has processed this message resumes from
 */
record Frame(String name, String cursor, String json) {}
