/** Reading a task's log (seed 002's {@code /api/v1/tasks/{task_id}/logs}): the lines its attempts wrote. */
package io.taskforge.logs;
