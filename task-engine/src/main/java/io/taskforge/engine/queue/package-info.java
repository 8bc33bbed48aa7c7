/**
 * The durable queue and timer wheel: the {@code task_queue} table kept in the same transaction as
 * the events, the claims made on it, and the signals that wake dispatchers.
 */
package io.taskforge.engine.queue;
