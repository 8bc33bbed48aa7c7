/** One row per attempt of a task: when it ran, where, how it ended and why. */
package io.taskforge.task.attempts;
