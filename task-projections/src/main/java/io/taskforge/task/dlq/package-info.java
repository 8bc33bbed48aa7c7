/** The dead letter queue: failed tasks waiting for a person, and what was done about them. */
package io.taskforge.task.dlq;
