/**
 * Archiving old finished tasks: the clean-up behind seed 001's {@code DELETE /tasks/cleanup}, and
 * the job that runs it on a schedule when {@code TASK_RETENTION_HOURS} is set.
 */
package io.taskforge.api.retention;
