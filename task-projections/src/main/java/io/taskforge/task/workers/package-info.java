/** The workers read model: registered workers, their status and the attempts they ran. */
package io.taskforge.task.workers;
