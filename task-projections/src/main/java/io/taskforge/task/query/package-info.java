/**
 * The task view: one row per task with its current state, kept by a replayable projection and
 * read through Axon queries.
 */
package io.taskforge.task.query;
