/** Manual retries of finished tasks and the dead letter queue (seed 003): list, inspect and redrive. */
package io.taskforge.api.dlq;
