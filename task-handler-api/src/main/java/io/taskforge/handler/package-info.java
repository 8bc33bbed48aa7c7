/**
 * The handler SPI: what a task handler implements ({@link io.taskforge.handler.TaskHandler}), what it
 * sees while it runs ({@link io.taskforge.handler.TaskContext}, {@link io.taskforge.handler.TaskLog}),
 * and how it reports a failure. A handler module depends on this and the domain only.
 */
package io.taskforge.handler;
