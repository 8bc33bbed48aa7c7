/** The engine's own lines in a task's log, kept from the task's events. */
package io.taskforge.task.logs;
