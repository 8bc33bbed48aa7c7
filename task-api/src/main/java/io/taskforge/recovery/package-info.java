/** Recovering failed work (seed 003): manual retries, the dead letter queue and the monitoring health. */
package io.taskforge.recovery;
