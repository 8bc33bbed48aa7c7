/**
 * The events read models parked because they could not apply them: how many, which, and retrying
 * them once the cause is fixed. The queues themselves are Axon's, configured with the processors.
 */
package io.taskforge.engine.deadletters;
