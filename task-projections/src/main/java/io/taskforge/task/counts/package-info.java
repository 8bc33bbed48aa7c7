/**
 * Task counts per status, kept incrementally by a replayable projection so that summaries and
 * health checks never count the whole task table.
 */
package io.taskforge.task.counts;
