/**
 * The seed API families: thin adapters that serve what existing clients of five task systems
 * call, in their documented shapes, over the engine's own capabilities. Each family has a package
 * of its own with its controllers and response shapes and nothing else:
 *
 * <ul>
 *   <li>{@code systemtasks}: the in-process task registry (seed 000), {@code /api/v1/system/...}
 *   <li>{@code backgroundtasks}: background task monitoring (seed 001), {@code /tasks/...}
 *   <li>{@code selfhealing}: the self-healing monitoring summary (seed 003)
 * </ul>
 *
 * The task executor with workers (seed 002) and the async long-running tasks (seed 004) need no
 * adapter of their own: their paths are the canonical API ({@code tasks}, {@code logs},
 * {@code health}), whose resources carry their fields. Seed 003's timeline, attempts and dead
 * letter queue are the canonical {@code history} and {@code dlq} capabilities.
 */
package io.taskforge.api.families;
