/** A task's log over the API ({@code /api/v1/tasks/{task_id}/logs}): the engine's lines and its handlers'. */
package io.taskforge.api.logs;
