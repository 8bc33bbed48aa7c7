/** The event processing groups: their names and how each runs. */
package io.taskforge.task.processing;
