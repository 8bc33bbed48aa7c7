/**
 * Running tasks: the {@link io.taskforge.engine.execution.AttemptLifecycle} port every runner goes
 * through, this node's dispatcher and attempt runner with its internal workers, attempts run by
 * external workers, leases, the sweeper, stall detection and the providers' circuit breakers.
 */
package io.taskforge.engine.execution;
