/**
 * A task's log, owned by {@link io.taskforge.engine.logs.TaskLogStore}: the engine's lines, kept from
 * the task's events by a replayable projection, and the lines its handlers write.
 */
package io.taskforge.engine.logs;
