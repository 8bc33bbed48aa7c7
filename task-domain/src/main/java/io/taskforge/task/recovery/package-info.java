/**
 * Fallback chains: the FallbackChain aggregate (its configuration history is its events), the
 * shape of a chain and its steps, how a chain is matched to a failure, and the port through which
 * the Task aggregate finds the chain that applies.
 */
package io.taskforge.task.recovery;
